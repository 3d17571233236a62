package org.hearth.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** People, their organization and roles, in identity's own tables. */
@Repository
class Users implements Accounts {

    private static final String ACCOUNT_COLUMNS =
            "u.id, m.organization_id, u.email, u.display_name, m.roles, u.locale, u.time_zone";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What sign-in needs to check a password and build the principal. */
    record Credentials(UUID userId, UUID organizationId, String passwordHash, Set<Role> roles) {}

    @Override
    public Optional<Account> find(UUID userId) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS
                        + " from identity_users u join identity_memberships m on m.user_id = u.id"
                        + " where u.id = :id and u.erased_at is null")
                .param("id", userId)
                .query(Users::account)
                .optional();
    }

    @Override
    public List<Account> withRole(UUID organizationId, Role role) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS
                        + " from identity_users u join identity_memberships m on m.user_id = u.id"
                        + " where m.organization_id = :org and :role = any(m.roles) and u.erased_at is null"
                        + " order by m.created_at, u.id")
                .param("org", organizationId)
                .param("role", role.name())
                .query(Users::account)
                .list();
    }

    Optional<UUID> organizationBySlug(String slug) {
        return jdbc.sql("select id from identity_organizations where slug = :slug")
                .param("slug", slug)
                .query(UUID.class)
                .optional();
    }

    UUID defaultOrganization() {
        return organizationBySlug("default")
                .orElseThrow(() -> new IllegalStateException("The default organization is missing"));
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select exists(select 1 from identity_users where lower(email) = lower(:email))")
                .param("email", email)
                .query(Boolean.class)
                .single();
    }

    /** Inserts a person with a membership; false when the email is taken (even by a concurrent insert). */
    boolean insert(
            UUID id,
            UUID organizationId,
            String email,
            String passwordHash,
            String displayName,
            String locale,
            String timeZone,
            Set<Role> roles,
            Instant at) {
        // on conflict instead of catching the error: a failed statement would poison the transaction.
        int inserted = jdbc.sql(
                        "insert into identity_users (id, email, password_hash, display_name, locale, time_zone, created_at)"
                                + " values (:id, :email, :hash, :name, :locale, :tz, :at)"
                                + " on conflict ((lower(email))) do nothing")
                .param("id", id)
                .param("email", email)
                .param("hash", passwordHash)
                .param("name", displayName)
                .param("locale", locale)
                .param("tz", timeZone)
                .param("at", Timestamp.from(at))
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("insert into identity_memberships (user_id, organization_id, roles, created_at)"
                        + " values (:id, :org, :roles, :at)")
                .param("id", id)
                .param("org", organizationId)
                .param("roles", roles.stream().map(Role::name).sorted().toArray(String[]::new))
                .param("at", Timestamp.from(at))
                .update();
        return true;
    }

    Optional<Credentials> credentials(String email) {
        return jdbc.sql("select u.id, m.organization_id, u.password_hash, m.roles"
                        + " from identity_users u join identity_memberships m on m.user_id = u.id"
                        + " where lower(u.email) = lower(:email) and u.erased_at is null")
                .param("email", email)
                .query((rs, n) -> new Credentials(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organization_id", UUID.class),
                        rs.getString("password_hash"),
                        roles(rs.getArray("roles"))))
                .optional();
    }

    Optional<String> passwordHash(UUID userId) {
        return jdbc.sql("select password_hash from identity_users where id = :id and erased_at is null")
                .param("id", userId)
                .query(String.class)
                .optional();
    }

    void updatePasswordHash(UUID userId, String passwordHash) {
        jdbc.sql("update identity_users set password_hash = :hash where id = :id and erased_at is null")
                .param("hash", passwordHash)
                .param("id", userId)
                .update();
    }

    static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getObject("organization_id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                roles(rs.getArray("roles")),
                rs.getString("locale"),
                rs.getString("time_zone"));
    }

    static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
