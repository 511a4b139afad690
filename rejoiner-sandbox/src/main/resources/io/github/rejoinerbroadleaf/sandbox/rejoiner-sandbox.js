/*
 * Rejoiner SANDBOX: a stand-in for the Rejoiner JavaScript library (API v4), served by the
 * rejoiner-broadleaf sandbox. It is not Rejoiner's code and tracks nothing. It takes every
 * _rejoiner.push([name, argument]) made before and after it loads, keeps them in order in
 * window.rejoinerSandbox.calls, and reports them to the sandbox, which checks each call against
 * Rejoiner's integration guide and lists it on its page.
 */
(function (window) {
    'use strict';

    var EVENTS_URL = "__SANDBOX_EVENTS_URL__";
    var GENERATION = "__SANDBOX_GENERATION__";
    var VISITOR_KEY = 'rejoiner_sandbox_visitor';
    var ID = /^[A-Za-z0-9-]{1,64}$/;

    if (window.rejoinerSandbox && window.rejoinerSandbox.loaded) {
        return; // loaded twice: the first copy already owns _rejoiner.push
    }

    function randomId() {
        return new Date().getTime().toString(36) + '-' + Math.random().toString(36).slice(2, 10);
    }

    function readVisitor() {
        var id = null;
        try {
            var match = new RegExp('(?:^|;\\s*)' + VISITOR_KEY + '=([^;]*)').exec(window.document.cookie || '');
            if (match) {
                id = match[1];
            }
        } catch (ignored) { /* no cookies */ }
        if (!id || !ID.test(id)) {
            try {
                id = window.localStorage ? window.localStorage.getItem(VISITOR_KEY) : null;
            } catch (ignored) { /* no storage */ }
        }
        if (!id || !ID.test(id)) {
            id = 'v-' + randomId();
        }
        try {
            window.document.cookie = VISITOR_KEY + '=' + id + '; path=/; max-age=31536000; SameSite=Lax';
        } catch (ignored) { /* no cookies */ }
        try {
            if (window.localStorage) {
                window.localStorage.setItem(VISITOR_KEY, id);
            }
        } catch (ignored) { /* no storage */ }
        return id;
    }

    var sandbox = {
        loaded: true,
        generation: GENERATION,
        endpoint: EVENTS_URL,
        visitor: readVisitor(),
        pageId: 'p-' + randomId(),
        /** Every call taken from _rejoiner, in order, as pushed: [name, argument]. */
        calls: [],
        /** Calls already reported. */
        reported: 0,
        /** Problems of this script itself (reporting failures). */
        errors: [],
        flush: flush
    };
    window.rejoinerSandbox = sandbox;

    var pending = [];
    var scheduled = false;

    function pageUrl() {
        try {
            return String(window.location.href);
        } catch (e) {
            return null;
        }
    }

    function serialisable(call) {
        try {
            return JSON.parse(JSON.stringify(call));
        } catch (e) {
            var name = call && call.length ? call[0] : call;
            return [typeof name === 'string' ? name : String(name), '(argument not serialisable: ' + e.message + ')'];
        }
    }

    function report(calls, first) {
        var body;
        try {
            body = JSON.stringify({visitor: sandbox.visitor, pageId: sandbox.pageId, page: pageUrl(),
                generation: GENERATION, first: first, calls: calls});
        } catch (e) {
            var safe = [];
            for (var i = 0; i < calls.length; i++) {
                safe.push(serialisable(calls[i]));
            }
            body = JSON.stringify({visitor: sandbox.visitor, pageId: sandbox.pageId, page: pageUrl(),
                generation: GENERATION, first: first, calls: safe});
        }
        try {
            var nav = window.navigator;
            if (nav && typeof nav.sendBeacon === 'function' && nav.sendBeacon(EVENTS_URL, body)) {
                return;
            }
        } catch (ignored) { /* fall back to XMLHttpRequest */ }
        try {
            var xhr = new window.XMLHttpRequest();
            xhr.open('POST', EVENTS_URL, true);
            xhr.setRequestHeader('Content-Type', 'text/plain;charset=UTF-8');
            xhr.send(body);
        } catch (e) {
            sandbox.errors.push('report failed: ' + e);
        }
    }

    /** Reports the calls taken since the last report, in one request, in order. */
    function flush() {
        scheduled = false;
        if (pending.length === 0) {
            return;
        }
        var calls = pending;
        var first = sandbox.reported;
        pending = [];
        sandbox.reported += calls.length;
        report(calls, first);
    }

    function take(item) {
        sandbox.calls.push(item);
        pending.push(item);
    }

    var queue = window._rejoiner;
    if (!queue || typeof queue.push !== 'function') {
        queue = [];
        window._rejoiner = queue;
    }
    for (var i = 0; i < queue.length; i++) {
        take(queue[i]);
    }
    flush();

    // Later pushes: taken at once, reported together at the end of the current task (so one
    // click's calls arrive in one request, in order), or at once where there is no setTimeout.
    queue.push = function () {
        for (var j = 0; j < arguments.length; j++) {
            take(arguments[j]);
        }
        if (typeof window.setTimeout === 'function') {
            if (!scheduled) {
                scheduled = true;
                window.setTimeout(flush, 0);
            }
        } else {
            flush();
        }
        return sandbox.calls.length;
    };

    try {
        if (typeof window.addEventListener === 'function') {
            window.addEventListener('pagehide', flush);
        }
    } catch (ignored) { /* no events */ }
})(typeof window !== 'undefined' ? window : this);
