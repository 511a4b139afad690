package io.github.rejoinerbroadleaf.broadleaf.web;

/**
 * Paths of the module's own storefront endpoints that more than one part of the module needs (the
 * endpoint itself and the filter that guards it), kept here so neither part imports the other.
 */
public final class ModulePaths {

    /** The AJAX bootstrap's ask for the calls an XHR cart change caused ({@code AjaxCallsController}). */
    public static final String AJAX_CALLS = "/rejoiner/ajax-calls";

    private ModulePaths() {
    }
}
