/*
 * Claimdesk's keyboard shortcuts, and the glue for htmx's in-place decisions. Progressive enhancement only: every
 * page works without this file. Served from the app (the CSP allows no inline script and no other origin).
 *
 * On the claims list and a claim's page:
 *   j / k      next / previous claim (on a claim's page: of the list you last opened)
 *   v / d / u  open the decision form set to verified / disputed / unverified
 *   e          edit the claim
 *   /          search
 *   ?          this help
 * In the decision form, Ctrl+Enter records the decision and Escape leaves the form.
 */
(function () {
  'use strict';

  var LIST_KEY = 'claimdesk.list';
  var STATUSES = { v: 'verified', d: 'disputed', u: 'unverified' };

  function $(selector, root) { return (root || document).querySelector(selector); }
  function $all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  /** A short spoken and shown message, for moves that go nowhere. */
  function say(text) {
    var box = $('#kbd-status');
    if (!box) {
      return;
    }
    box.textContent = text;
    clearTimeout(say.timer);
    say.timer = setTimeout(function () { box.textContent = ''; }, 5000);
  }

  function storedList() {
    try {
      return JSON.parse(sessionStorage.getItem(LIST_KEY) || 'null');
    } catch (e) {
      return null;
    }
  }

  // ---- The claims list ----------------------------------------------------------------------------------------
  var rows = $all('.claim-list .claim-row[data-claim]');
  var current = -1;

  if (rows.length) {
    var next = $('.pager a[rel=next]');
    try {
      sessionStorage.setItem(LIST_KEY, JSON.stringify({
        claims: rows.map(function (row) { return { id: row.dataset.claim, url: $('a.statement', row).href }; }),
        next: next ? next.href : null
      }));
    } catch (e) {
      // private windows may refuse storage: j and k then work on the list only
    }
  }

  function select(index) {
    if (index < 0 || index >= rows.length) {
      var more = index >= rows.length ? $('.pager a[rel=next]') : $('.pager a[rel=prev]');
      if (more) {
        more.focus();
        say(index >= rows.length ? 'End of this page: Enter opens the next one.' : 'Start of this page: Enter opens the previous one.');
      } else {
        say(index >= rows.length ? 'That was the last claim.' : 'That was the first claim.');
      }
      return;
    }
    if (current >= 0) {
      rows[current].classList.remove('current');
    }
    current = index;
    rows[current].classList.add('current');
    var link = $('a.statement', rows[current]);
    link.focus();
    rows[current].scrollIntoView({ block: 'nearest' });
  }

  function chosenRow() {
    if (current < 0) {
      var focusedRow = document.activeElement && document.activeElement.closest('.claim-row');
      current = focusedRow ? rows.indexOf(focusedRow) : -1;
    }
    if (current < 0) {
      say('Choose a claim first with j or k.');
      return null;
    }
    return rows[current];
  }

  // ---- A claim's page -----------------------------------------------------------------------------------------
  var claimPage = $('article.claim[data-claim]');

  function neighbour(step) {
    var list = storedList();
    var id = claimPage.dataset.claim;
    var at = list ? list.claims.findIndex(function (c) { return c.id === id; }) : -1;
    if (at < 0) {
      say('j and k move through the list you last opened, and this claim is not in it.');
      return;
    }
    var to = list.claims[at + step];
    if (to) {
      location.href = to.url;
    } else if (step > 0 && list.next) {
      location.href = list.next;
    } else {
      say(step > 0 ? 'That was the last claim of the list.' : 'That was the first claim of the list.');
    }
  }

  /** Opens the decision form with a status chosen, ready to type the rationale. */
  function decide(status) {
    var form = $('#verdict');
    if (!form) {
      say('You can read this claim but not decide it.');
      return;
    }
    var radio = $('input[name=status][value=' + status + ']', form);
    if (radio) {
      radio.checked = true;
    }
    form.scrollIntoView({ block: 'start' });
    $('textarea[name=rationale]', form).focus();
  }

  if (claimPage) {
    var preset = /^#decide-(verified|disputed|unverified)$/.exec(location.hash);
    if (preset) {
      decide(preset[1]);
    }
  }

  // ---- Keys ---------------------------------------------------------------------------------------------------
  function help() {
    var dialog = $('#shortcuts');
    if (dialog && !dialog.open) {
      dialog.showModal();
    }
  }

  function search() {
    var field = $('#q') || $('#top-q');
    if (field) {
      field.focus();
      field.select();
    }
  }

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var form = target.closest && target.closest('#verdict');
    if (form && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit($('button[type=submit]', form)) : form.submit();
      return;
    }
    if (event.key === 'Escape' && typing(target)) {
      target.blur();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(target) || $('dialog[open]')) {
      return;
    }
    var key = event.key;
    if (key === '?') {
      event.preventDefault();
      help();
    } else if (key === '/') {
      event.preventDefault();
      search();
    } else if (rows.length && (key === 'j' || key === 'k')) {
      event.preventDefault();
      select(current + (key === 'j' ? 1 : -1));
    } else if (claimPage && (key === 'j' || key === 'k')) {
      event.preventDefault();
      neighbour(key === 'j' ? 1 : -1);
    } else if (STATUSES[key]) {
      if (claimPage) {
        event.preventDefault();
        decide(STATUSES[key]);
      } else if (rows.length) {
        var row = chosenRow();
        if (row) {
          location.href = $('a.statement', row).href + '#decide-' + STATUSES[key];
        }
      }
    } else if (key === 'e' && (claimPage || rows.length)) {
      var edit = claimPage ? $('#edit-claim') : chosenRow();
      var href = edit && (claimPage ? edit.href : edit.dataset.edit);
      if (href) {
        location.href = href;
      } else if (edit) {
        say('You can read this claim but not edit it.');
      }
    }
  });

  var shown = $('#shortcuts-hint');
  if (shown) {
    shown.hidden = false;
  }

  // ---- htmx: decisions without a reload -----------------------------------------------------------------------
  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    // a session that ended meanwhile answers with the login page: go there instead of showing it in the panel
    if (xhr.responseURL && new URL(xhr.responseURL).pathname === '/login') {
      event.detail.shouldSwap = false;
      location.href = xhr.responseURL;
    }
  });
  document.addEventListener('htmx:afterSettle', function (event) {
    var focus = $('[data-focus-after-swap]', event.detail.target);
    if (focus) {
      focus.focus();
    }
  });
  document.addEventListener('htmx:responseError', function (event) {
    say('The decision could not be sent (' + event.detail.xhr.status + '). Reload the page and try again.');
  });
  document.addEventListener('htmx:sendError', function () {
    say('Claimdesk could not be reached. Your decision was not sent; try again.');
  });
}());
