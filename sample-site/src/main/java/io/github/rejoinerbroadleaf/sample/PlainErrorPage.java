package io.github.rejoinerbroadleaf.sample;

import org.eclipse.jetty.server.handler.ErrorHandler;

import javax.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;

/**
 * Jetty's error page for anything Spring did not answer itself (a template that failed to
 * render, an unknown URL): the status and a plain sentence, never an exception or class name.
 */
final class PlainErrorPage extends ErrorHandler {

    @Override
    protected void writeErrorPage(HttpServletRequest request, Writer writer, int code, String message,
                                  boolean showStacks) throws IOException {
        String sentence = code == 404 ? "We could not find that page." : "Sorry, something went wrong. Please try again.";
        writer.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + code
                + "</title></head><body><h1>" + code + "</h1><p>" + sentence
                + "</p><p><a href=\"/\">Back to the shop</a></p></body></html>");
    }
}
