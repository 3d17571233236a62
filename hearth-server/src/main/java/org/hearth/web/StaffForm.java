package org.hearth.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hearth.identity.Role;

/** What an organization admin types to create a staff account. */
class StaffForm {

    @NotBlank(message = "Enter their email address.")
    @Email(message = "Enter an email address like name@example.org.")
    @Size(max = 254, message = "Use an email address of at most 254 characters.")
    private String email = "";

    @NotBlank(message = "Enter the name colleagues and members will see.")
    @Size(max = 80, message = "Use a name of at most 80 characters.")
    private String displayName = "";

    @Size(
            min = SignUpForm.MIN_PASSWORD_LENGTH,
            message = "Use at least " + SignUpForm.MIN_PASSWORD_LENGTH + " characters.")
    @Size(max = 256, message = "Use at most 256 characters.")
    private String password = "";

    @NotEmpty(message = "Choose at least one role.")
    private Set<Role> roles = new LinkedHashSet<>();

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email.strip();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName.strip();
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = new LinkedHashSet<>(roles);
    }
}
