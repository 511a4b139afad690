package io.github.rejoinerbroadleaf.sample.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The storefront never shows a stack trace: an unexpected exception is logged with its request
 * and the shopper gets a plain error page with status 500.
 */
@ControllerAdvice
public class StorefrontErrorAdvice {

    private static final Log LOG = LogFactory.getLog(StorefrontErrorAdvice.class);

    @ExceptionHandler(Exception.class)
    public String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        LOG.error("Unexpected error on " + request.getMethod() + " " + request.getRequestURI(), e);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        return "content/error";
    }
}
