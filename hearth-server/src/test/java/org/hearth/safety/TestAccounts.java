package org.hearth.safety;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.identity.Account;
import org.hearth.identity.Accounts;
import org.hearth.identity.Role;

/** Accounts held in memory, so tests decide who is a responder or an admin of which organization. */
public class TestAccounts implements Accounts {

    private final List<Account> accounts = new CopyOnWriteArrayList<>();

    public Account add(UUID organizationId, Role... roles) {
        UUID id = UUID.randomUUID();
        Account account = new Account(
                id,
                organizationId,
                "person-" + id + "@example.org",
                "Person " + id.toString().substring(0, 8),
                java.util.Set.copyOf(Arrays.asList(roles)),
                "en-US",
                "UTC");
        accounts.add(account);
        return account;
    }

    @Override
    public Optional<Account> find(UUID userId) {
        return accounts.stream().filter(a -> a.id().equals(userId)).findFirst();
    }

    @Override
    public List<Account> withRole(UUID organizationId, Role role) {
        return accounts.stream()
                .filter(a ->
                        a.organizationId().equals(organizationId) && a.roles().contains(role))
                .toList();
    }
}
