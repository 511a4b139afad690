package io.github.rejoinerbroadleaf.broadleaf.restore;

import io.github.rejoinerbroadleaf.restore.InvalidRestoreTokenException;
import io.github.rejoinerbroadleaf.restore.RestoreLine;
import io.github.rejoinerbroadleaf.restore.RestoreToken;
import org.broadleafcommerce.core.order.domain.Order;

import javax.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Cart restore links: signed, expiring links that put a cart's lines into the cart of whoever
 * opens them. The link carries catalog ids, quantities and product options only. Bean
 * {@code blRejoinerCartRestoreService}.
 */
public interface CartRestoreService {

    /** Path of the storefront endpoint, below the store's context path. */
    String PATH = "/rejoiner/cart/restore";

    /** Query parameter that carries the token. */
    String TOKEN_PARAMETER = "t";

    /**
     * An absolute link that rebuilds this cart (or order), or null when it has no lines that can be
     * linked or no signing key is available.
     *
     * @param baseUrl the store's absolute base URL; null for the configured {@code storeBaseUrl},
     *                else the current request's
     */
    String restoreUrl(Order cart, String baseUrl);

    /** An absolute link that puts these lines into the opener's cart, or null (see above). */
    String restoreUrl(List<RestoreLine> lines, String baseUrl);

    /** The lines of a cart or order as a link carries them: top-level items, their SKU, quantity and product options. */
    List<RestoreLine> linesOf(Order cart);

    /** The token behind a link's {@value #TOKEN_PARAMETER} parameter, if it is intact, signed with an accepted key and unexpired. */
    RestoreToken verify(String token) throws InvalidRestoreTokenException;

    /**
     * Merges the token's lines into the current visitor's cart (creating one when needed): a line
     * already in the cart ends with the larger of the two quantities; products that no longer exist
     * or cannot be sold are skipped. Returns shopper-facing messages about what was skipped.
     */
    RestoreOutcome restore(RestoreToken token, String promoCode, HttpServletRequest request);
}
