/*
 * The sample store's own cart script, in the style of Broadleaf's demo store (cartOperations.js):
 * "Add to cart" posts by XHR and reads JSON; on the cart page, quantity changes, removals and
 * offer codes post by XHR and swap in the cart fragment the server returns. Without this script
 * every form posts normally. Nothing here knows about Rejoiner.
 */
(function () {
    'use strict';

    function post(form, onDone) {
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.getAttribute('action'));
        xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
        xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
        xhr.onload = function () { onDone(xhr); };
        xhr.onerror = function () { form.submit(); }; // the network failed: fall back to a plain post
        xhr.send(new URLSearchParams(new FormData(form)).toString());
    }

    function setCartCount(count) {
        var badge = document.getElementById('cart-count');
        if (badge && count !== undefined && count !== null) {
            badge.textContent = String(count);
        }
    }

    function addToCart(form) {
        var message = document.getElementById('add-to-cart-message');
        post(form, function (xhr) {
            var answer;
            try {
                answer = JSON.parse(xhr.responseText);
            } catch (notJson) {
                form.submit();
                return;
            }
            setCartCount(answer.cartItemCount);
            if (message) {
                message.className = answer.error ? 'notice error' : 'notice';
                message.textContent = answer.error ? answer.error
                    : answer.productName + ' (' + answer.quantityAdded + ') is in your cart.';
            }
            document.dispatchEvent(new CustomEvent('sample:cart-changed', {detail: answer}));
        });
    }

    function changeCart(form) {
        post(form, function (xhr) {
            var page = document.querySelector('.page.cart');
            var holder = document.createElement('div');
            holder.innerHTML = xhr.responseText;
            var fresh = holder.querySelector('.page.cart');
            if (!page || !fresh) {
                window.location.href = form.getAttribute('action').replace(/\/cart\/.*$/, '/cart');
                return;
            }
            page.parentNode.replaceChild(fresh, page);
            setCartCount(fresh.getAttribute('data-item-count'));
            document.dispatchEvent(new CustomEvent('sample:cart-changed', {detail: {status: xhr.status}}));
        });
    }

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (form.id === 'add-to-cart-form') {
            event.preventDefault();
            addToCart(form);
        } else if (form.classList && form.classList.contains('cart-xhr')) {
            event.preventDefault();
            changeCart(form);
        }
    });
}());
