package io.github.rejoinerbroadleaf.broadleaf.admin;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may see and change the Rejoiner screens. Checked by the controllers themselves, so the screens
 * stay closed even when a store's admin security configuration does not list their URLs.
 * The authorities are granted by the permissions of {@code load_rejoiner_admin_security.sql}.
 */
public final class RejoinerAdminAccess {

    /** View the screens. */
    public static final String READ = "PERMISSION_READ_REJOINER";
    /** Change settings, test the connection, retry and discard deliveries. */
    public static final String ALL = "PERMISSION_ALL_REJOINER";

    private RejoinerAdminAccess() {
    }

    public static boolean canRead() {
        return has(READ) || has(ALL);
    }

    public static boolean canChange() {
        return has(ALL);
    }

    /** The logged-in admin's login name, or "unknown". */
    public static String currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "unknown" : auth.getName();
    }

    private static boolean has(String authority) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority granted : auth.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
