package org.hearth.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a person types on the sign-up page; the messages are the ones shown next to each field. */
class SignUpForm {

    static final int MIN_PASSWORD_LENGTH = 10;

    @NotBlank(message = "Enter your email address.")
    @Email(message = "Enter an email address like name@example.com.")
    @Size(max = 254, message = "Use an email address of at most 254 characters.")
    private String email = "";

    @Size(min = MIN_PASSWORD_LENGTH, message = "Use at least " + MIN_PASSWORD_LENGTH + " characters.")
    @Size(max = 256, message = "Use at most 256 characters.")
    private String password = "";

    @NotBlank(message = "Enter the name you would like Hearth to call you.")
    @Size(max = 80, message = "Use a name of at most 80 characters.")
    private String displayName = "";

    @NotBlank(message = "Choose your language and region.")
    private String locale = "";

    @NotBlank(message = "Choose your time zone.")
    private String timeZone = "";

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email.strip();
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName.strip();
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone.strip();
    }
}
