package io.github.rejoinerbroadleaf.broadleaf.admin;

import io.github.rejoinerbroadleaf.delivery.ConversionQueue;
import io.github.rejoinerbroadleaf.delivery.QueueFilter;
import io.github.rejoinerbroadleaf.delivery.QueueStatus;
import io.github.rejoinerbroadleaf.delivery.QueuedConversion;
import io.github.rejoinerbroadleaf.delivery.SiteDeliveryState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import javax.annotation.Resource;
import javax.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The conversion delivery log at {@code /rejoiner-deliveries}: rows of the delivery queue by status,
 * retry and discard, and a banner while Rejoiner refuses a site's credentials.
 */
@Controller
@RequestMapping("/" + RejoinerDeliveryLogController.SECTION)
public class RejoinerDeliveryLogController extends RejoinerAdminControllerSupport {

    public static final String SECTION = "rejoiner-deliveries";
    static final int PAGE_SIZE = 50;
    /** The pseudo-status of queued rows whose site is paused. */
    static final String PAUSED = "PAUSED";

    private static final Logger LOG = LoggerFactory.getLogger(RejoinerDeliveryLogController.class);

    @Resource(name = "blRejoinerConversionQueue")
    protected ConversionQueue queue;

    @RequestMapping(method = RequestMethod.GET)
    public String list(@RequestParam(value = "status", required = false) String status,
            @RequestParam(value = "page", required = false) String pageParameter,
            Model model, HttpServletResponse response) throws Exception {
        if (!mayRead(response)) {
            return null;
        }
        Instant now = queue.clock().instant();
        List<SiteDeliveryState> states = queue.siteStates();
        Set<String> pausedSites = new HashSet<String>();
        List<String> banners = new ArrayList<String>();
        for (SiteDeliveryState s : states) {
            if (s.paused()) {
                pausedSites.add(s.site());
                banners.add(banner(s, now));
            }
        }

        String selected = normalise(status);
        int page = 0;
        int offset = 0;
        List<QueuedConversion> found = new ArrayList<QueuedConversion>();
        long total = 0;
        if (PAUSED.equals(selected)) {
            for (String site : pausedSites) {
                QueueFilter f = QueueFilter.all().withStatus(QueueStatus.QUEUED).withSite(site);
                total += queue.count(f);
                found.addAll(queue.list(f.page(0, PAGE_SIZE)));
            }
        } else {
            QueueFilter f = QueueFilter.all();
            if (selected != null) {
                f = f.withStatus(QueueStatus.valueOf(selected));
            }
            total = queue.count(f);
            page = pageWithin(pageParameter, total);
            offset = page * PAGE_SIZE;
            found.addAll(queue.list(f.page(offset, PAGE_SIZE)));
        }
        List<DeliveryRow> rows = new ArrayList<DeliveryRow>();
        for (QueuedConversion c : found) {
            rows.add(new DeliveryRow(c, pausedSites.contains(c.site()), now));
        }

        Map<String, Long> counts = new LinkedHashMap<String, Long>();
        for (Map.Entry<QueueStatus, Long> e : queue.countByStatus().entrySet()) {
            counts.put(e.getKey().name(), e.getValue());
        }
        long pausedCount = 0;
        for (String site : pausedSites) {
            pausedCount += queue.count(QueueFilter.all().withStatus(QueueStatus.QUEUED).withSite(site));
        }
        counts.put(PAUSED, pausedCount);

        Duration oldest = queue.oldestPendingAge().orElse(null);
        model.addAttribute("rows", rows);
        model.addAttribute("counts", counts);
        model.addAttribute("selectedStatus", selected);
        model.addAttribute("banners", banners);
        model.addAttribute("oldestPending", oldest == null ? null : DeliveryRow.age(oldest));
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("hasPrevious", page > 0 && !PAUSED.equals(selected));
        model.addAttribute("hasNext", !PAUSED.equals(selected) && offset + rows.size() < total);
        return page(model, "/" + SECTION, "rejoiner/deliveries");
    }

    /**
     * The requested page within the pages that exist: anything that is not a whole number (blank,
     * text, overflowing) is the first page, a number past the end the last one.
     */
    static int pageWithin(String requested, long total) {
        int last = total <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE / PAGE_SIZE, (total - 1) / PAGE_SIZE);
        if (requested == null || !requested.trim().matches("\\+?[0-9]{1,18}")) {
            return 0;
        }
        long page = Long.parseLong(requested.trim().replace("+", ""));
        return (int) Math.min(page, last);
    }

    /** A row id from the path, or -1 when it is not one (no row has it). */
    static long rowId(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            return -1;
        }
        return Long.parseLong(id);
    }

    @RequestMapping(value = "/{id}/retry", method = RequestMethod.POST)
    public String retry(@PathVariable("id") String idParameter,
            @RequestParam(value = "status", required = false) String status,
            HttpServletResponse response, RedirectAttributes redirect) throws Exception {
        if (!mayChange(response)) {
            return null;
        }
        long id = rowId(idParameter);
        return report(id >= 0 && queue.retry(id), "retry", id, status, redirect,
                "Delivery #" + id + " is queued again and will be sent shortly.",
                id < 0 ? "There is no such delivery." : "Delivery #" + id + " cannot be retried: only failed or discarded rows can.");
    }

    @RequestMapping(value = "/{id}/discard", method = RequestMethod.POST)
    public String discard(@PathVariable("id") String idParameter,
            @RequestParam(value = "status", required = false) String status,
            HttpServletResponse response, RedirectAttributes redirect) throws Exception {
        if (!mayChange(response)) {
            return null;
        }
        long id = rowId(idParameter);
        return report(id >= 0 && queue.discard(id), "discard", id, status, redirect,
                "Delivery #" + id + " was discarded and will not be sent.",
                id < 0 ? "There is no such delivery." : "Delivery #" + id + " cannot be discarded: it was sent or discarded already,"
                        + " or a node is sending it right now (try again once its send is over).");
    }

    /** Logs an admin action on a row, flashes its outcome and returns to the list. */
    private static String report(boolean done, String action, long id, String status, RedirectAttributes redirect,
                                 String doneMessage, String refusedMessage) {
        LOG.info("Rejoiner delivery {} {} by {}: {}", id, action, RejoinerAdminAccess.currentUser(), done);
        redirect.addFlashAttribute(done ? "actionMessage" : "actionError", done ? doneMessage : refusedMessage);
        return back(status);
    }

    private static String back(String status) {
        String selected = normalise(status);
        return "redirect:/" + SECTION + (selected == null ? "" : "?status=" + selected);
    }

    /** A known status name in upper case, or null for all. */
    static String normalise(String status) {
        if (status == null || status.trim().isEmpty()) {
            return null;
        }
        String s = status.trim().toUpperCase(Locale.ROOT);
        if (PAUSED.equals(s)) {
            return s;
        }
        for (QueueStatus q : QueueStatus.values()) {
            if (q.name().equals(s)) {
                return s;
            }
        }
        return null;
    }

    static String banner(SiteDeliveryState s, Instant now) {
        String since = s.pausedSince() == null ? "" : " for " + DeliveryRow.age(Duration.between(s.pausedSince(), now));
        String http = s.lastHttpStatus() == null ? "" : " (HTTP " + s.lastHttpStatus() + ")";
        if (s.reason() == SiteDeliveryState.Reason.CREDENTIALS) {
            return "Deliveries to Rejoiner site " + s.site() + " are paused" + since
                    + " because Rejoiner rejects the credentials" + http
                    + ". Fix the API key and secret under Rejoiner Settings; queued conversions are kept and sent "
                    + "once Rejoiner accepts them again.";
        }
        return "Deliveries to Rejoiner site " + s.site() + " are paused" + since
                + " because Rejoiner does not know the site or URL" + http
                + ". Check the site id and API base URL under Rejoiner Settings; queued conversions are kept.";
    }
}
