// Keyboard shortcuts for reviewing an import's candidate claims (/articles/new/{id}). The page works without
// this script; it only moves between rows and sets their decision.
(function () {
  'use strict';
  var rows = Array.prototype.slice.call(document.querySelectorAll('[data-candidate]'));
  if (rows.length === 0) {
    return;
  }
  var hint = document.getElementById('shortcut-hint');
  if (hint) {
    hint.hidden = false;
  }
  var current = -1;

  function select(index) {
    if (index < 0 || index >= rows.length) {
      return;
    }
    if (current >= 0) {
      rows[current].classList.remove('current');
    }
    current = index;
    rows[current].classList.add('current');
    rows[current].focus();
    rows[current].scrollIntoView({ block: 'nearest' });
  }

  function decide(value) {
    if (current < 0) {
      select(0);
    }
    var box = rows[current].querySelector('[data-decision]');
    var allowed = Array.prototype.some.call(box.options, function (o) { return o.value === value; });
    if (!allowed) {
      return;
    }
    box.value = value;
    rows[current].classList.toggle('rejected', value === 'reject');
    select(current + 1 < rows.length ? current + 1 : current);
  }

  rows.forEach(function (row, index) {
    row.addEventListener('focusin', function () {
      if (current !== index) {
        if (current >= 0) {
          rows[current].classList.remove('current');
        }
        current = index;
        row.classList.add('current');
      }
    });
    row.querySelector('[data-decision]').addEventListener('change', function (event) {
      row.classList.toggle('rejected', event.target.value === 'reject');
    });
  });

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable;
    if (event.key === 'Escape' && typing && current >= 0) {
      rows[current].focus();
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    switch (event.key) {
      case 'j': select(current + 1); break;
      case 'k': select(current <= 0 ? 0 : current - 1); break;
      case 'a': decide('accept'); break;
      case 'l': decide('link'); break;
      case 'r': decide('reject'); break;
      case 'e':
        if (current < 0) {
          select(0);
        }
        rows[current].querySelector('[data-statement]').focus();
        break;
      default: return;
    }
    event.preventDefault();
  });
}());
