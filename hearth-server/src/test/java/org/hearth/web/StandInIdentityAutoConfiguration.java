package org.hearth.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Caller;
import org.hearth.identity.Role;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stands in for the identity module in full-application tests, and only while identity is absent:
 * all of it backs off once identity provides {@link Accounts} (then the web module's own adapter
 * must provide {@link SignUp} and {@link StaffAccounts}), and its security chain also backs off
 * when any other chain exists. It mirrors identity's announced contract (form sign-in at {@code /signin} with
 * {@code username} and {@code password}, sign-out by {@code POST /signout}, CSRF, a {@link Caller}
 * principal) so that the browser tests exercise the same forms before and after the merge. Being
 * an auto-configuration of the test class path, it is evaluated after the application's own
 * configuration, which makes {@code @ConditionalOnMissingBean} reliable.
 */
@AutoConfiguration(
        before = {
            ServletWebSecurityAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        })
@ConditionalOnMissingBean(Accounts.class)
class StandInIdentityAutoConfiguration {

    @Bean
    InMemoryAccounts standInAccounts() {
        return new InMemoryAccounts();
    }

    @Bean
    SignUp standInSignUp(InMemoryAccounts accounts) {
        return (email, password, displayName, locale, timeZone) ->
                accounts.add(email, password, displayName, Set.of(Role.MEMBER), locale, timeZone);
    }

    @Bean
    StaffAccounts standInStaffAccounts(InMemoryAccounts accounts) {
        return (admin, email, password, displayName, roles) ->
                accounts.add(email, password, displayName, roles, Locale.US, ZoneId.of("UTC"));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    @EnableMethodSecurity
    static class StandInSecurity {

        @Bean
        SecurityFilterChain standInSecurityFilterChain(HttpSecurity http, InMemoryAccounts accounts) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                    "/",
                                    "/signup",
                                    "/signin",
                                    "/help",
                                    "/error",
                                    "/css/**",
                                    "/js/**",
                                    "/images/**",
                                    "/webjars/**")
                            .permitAll()
                            .requestMatchers("/admin/**")
                            .hasRole("ORG_ADMIN")
                            .anyRequest()
                            .authenticated())
                    .formLogin(form -> form.loginPage("/signin").permitAll())
                    .logout(logout -> logout.logoutUrl("/signout"))
                    .authenticationProvider(accounts)
                    // The real server sends this policy; the browser tests then catch inline code.
                    .headers(
                            headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'")))
                    .build();
        }
    }

    /** Accounts kept in memory for one test JVM, with just enough rules to test the forms. */
    static final class InMemoryAccounts implements Accounts, AuthenticationProvider {

        static final String COMMON_PASSWORD = "password123";

        private record Stored(Account account, String password) {}

        private final UUID organizationId = UUID.randomUUID();
        private final Map<String, Stored> byEmail = new ConcurrentHashMap<>();

        UUID add(String email, String password, String displayName, Set<Role> roles, Locale locale, ZoneId zone)
                throws AccountRejected {
            if (password.equals(COMMON_PASSWORD)) {
                throw new AccountRejected(AccountRejected.Reason.WEAK_PASSWORD);
            }
            UUID id = UUID.randomUUID();
            Account account =
                    new Account(id, organizationId, email, displayName, roles, locale.toLanguageTag(), zone.getId());
            if (byEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), new Stored(account, password)) != null) {
                throw new AccountRejected(AccountRejected.Reason.EMAIL_TAKEN);
            }
            return id;
        }

        @Override
        public Optional<Account> find(UUID userId) {
            return byEmail.values().stream()
                    .map(Stored::account)
                    .filter(account -> account.id().equals(userId))
                    .findFirst();
        }

        @Override
        public List<Account> withRole(UUID organizationId, Role role) {
            return byEmail.values().stream()
                    .map(Stored::account)
                    .filter(account -> account.organizationId().equals(organizationId))
                    .filter(account -> account.roles().contains(role))
                    .toList();
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            Stored stored = byEmail.get(authentication.getName().toLowerCase(Locale.ROOT));
            if (stored == null || !stored.password().equals(String.valueOf(authentication.getCredentials()))) {
                throw new BadCredentialsException("Bad credentials");
            }
            Account account = stored.account();
            Caller caller = Caller.person(account.id(), account.organizationId(), account.roles());
            return UsernamePasswordAuthenticationToken.authenticated(
                    caller,
                    null,
                    account.roles().stream()
                            .map(role -> new SimpleGrantedAuthority(role.authority()))
                            .toList());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }
    }
}
