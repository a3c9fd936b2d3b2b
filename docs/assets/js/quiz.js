/* Quizzes from scripts/hooks/quizzes.py: answers in data-answers; progress in localStorage,
   a key per question, dropped when the question's hash changes. */
(function () {
  "use strict";
  var KEY = "course-quiz:";

  function read(key) {
    try { var v = JSON.parse(localStorage.getItem(key)); return v && typeof v === "object" ? v : null; }
    catch (e) { return null; }  // no storage, or garbage in it: start afresh
  }
  function write(key, value) {
    try { if (value) localStorage.setItem(key, JSON.stringify(value)); else localStorage.removeItem(key); }
    catch (e) { /* storage off or full: the quiz still works */ }
  }
  function children(list) { return Array.prototype.slice.call(list.children); }
  function shuffle(list) {
    var items = children(list);
    for (var i = items.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), t = items[i]; items[i] = items[j]; items[j] = t;
    }
    items.forEach(function (li) { list.appendChild(li); });
  }
  function same(a, b) { return a.length === b.length && a.every(function (v, i) { return v === b[i]; }); }
  function total() {
    var box = document.querySelector(".course-quiz-total"), right = 0, all = 0;
    if (!box) return;
    document.querySelectorAll(".course-quiz[data-ready]").forEach(function (quiz) {
      right += +quiz.dataset.right; all += +quiz.dataset.count;
    });
    box.textContent = "Overall score: " + right + " of " + all;
  }

  function setupQuiz(quiz) {
    var answers, questions = [];
    if (quiz.dataset.ready) return;
    try { answers = JSON.parse(quiz.getAttribute("data-answers")); } catch (e) { return; }
    quiz.querySelectorAll(".course-quiz__question").forEach(function (box) {
      var data = answers[box.dataset.id];
      if (data) questions.push(setupQuestion(box, data, KEY + quiz.dataset.quiz + ":" + box.dataset.id, update));
    });
    quiz.querySelectorAll("[data-js]").forEach(function (e) { e.hidden = false; });
    quiz.dataset.ready = "1";
    function update() {
      var right = questions.filter(function (q) { return q.right(); }).length;
      quiz.dataset.right = right; quiz.dataset.count = questions.length;
      quiz.querySelector(".course-quiz__score").textContent = "Score: " + right + " of " + questions.length;
      total();
    }
    quiz.querySelector(".course-quiz__reset").addEventListener("click", function () {
      questions.forEach(function (q) { q.reset(); });
      update();
    });
    update();
  }

  function setupQuestion(box, data, key, changed) {
    var kind = box.dataset.kind, order = kind === "ordering";
    var list = box.querySelector("ol, ul"), out = box.querySelector(".course-quiz__feedback");
    var inputs = box.querySelectorAll("input"), n = order ? data.n : inputs.length;
    var right = order ? Array.apply(null, Array(n)).map(function (_, i) { return i; }) : data.c;
    var state = read(key);
    if (!state || state.h !== data.h || !valid(state.a)) { if (state) write(key, null); state = { h: data.h, a: [] }; }
    state.r = state.r === true;
    state.ok = !!state.a.length && same(state.a, right) && !state.r;
    reshuffle();

    function valid(a) {
      return Array.isArray(a) && a.every(function (v, i) { return v === (v | 0) && v >= 0 && v < n && a.indexOf(v) === i; }) &&
        (!order || !a.length || a.length === n);
    }
    function reshuffle() {
      if (!order && box.dataset.shuffle !== "true") return;
      shuffle(list);
      if (order && same(chosen(), right)) children(list).reverse().forEach(function (li) { list.appendChild(li); });
    }
    function chosen() {
      if (order) return children(list).map(function (li) { return +li.dataset.index; });
      return Array.prototype.filter.call(inputs, function (i) { return i.checked; }).map(function (i) { return +i.value; });
    }
    function show(a) {
      if (order) a.forEach(function (i) { list.appendChild(list.querySelector("[data-index='" + i + "']")); });
      else inputs.forEach(function (i) { i.checked = a.indexOf(+i.value) >= 0; });
    }
    function item(i) {
      return box.querySelector(order ? "[data-index='" + i + "'] .course-quiz__item" : "input[value='" + i + "'] + span").innerHTML;
    }
    function mark(a) {
      children(list).forEach(function (li, pos) {
        var i = order ? +li.dataset.index : +li.querySelector("input").value, on = !!a && (order || a.indexOf(i) >= 0);
        var good = order ? i === pos : right.indexOf(i) >= 0;
        li.classList.toggle("is-right", on && good);
        li.classList.toggle("is-wrong", on && !good);
      });
    }
    function render() {
      var a = state.a, ok = same(a, right), html;
      mark(a.length ? a : null);
      if (!a.length) { out.innerHTML = ""; return; }
      html = "<p><strong>" + (state.r ? "The answer:" : ok ? "Correct." : "Not quite.") + "</strong> ";
      if (order) html += (state.r ? "" : a.filter(function (v, i) { return v === i; }).length + " of " + n + " in the right place.") + "</p>";
      else html += (!ok && kind === "multiple" && a.every(function (i) { return right.indexOf(i) >= 0; }) ? "Some right answers are missing." : "") +
        "</p><ul>" + a.map(function (i) { return "<li><strong>" + item(i) + ":</strong> " + data.f[i] + "</li>"; }).join("") + "</ul>";
      out.innerHTML = html + (ok && data.x ? "<p>" + data.x + "</p>" : "");
    }
    function save() { write(key, state.a.length || state.r ? state : null); changed(); }
    var actions = {
      check: function () {
        var a = chosen();
        if (!a.length) { out.textContent = "Choose an answer first."; return; }
        state.a = a; state.ok = same(a, right) && !state.r; render(); save();
      },
      retry: function () {
        state.a = []; state.ok = false; show([]); if (order) reshuffle(); render(); save();
        (box.querySelector("input, button[data-move]") || box).focus();
      },
      reveal: function () {
        state.a = right.slice(); state.r = true; state.ok = false; show(right); render(); save();
      }
    };
    box.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.dataset.action) actions[button.dataset.action]();
      else if (button.dataset.move) move(button);
    });
    box.addEventListener("change", function () { mark(null); });
    function move(button) {
      var li = button.closest("li"), up = button.dataset.move === "-1";
      var other = up ? li.previousElementSibling : li.nextElementSibling;
      if (other) {
        if (up) list.insertBefore(li, other); else list.insertBefore(other, li);
        button.focus();
      }
      mark(null);
      out.textContent = li.querySelector(".course-quiz__item").textContent + ": position " +
        (children(list).indexOf(li) + 1) + " of " + n + ".";
    }
    if (state.a.length) { show(state.a); render(); }
    return {
      right: function () { return !!state.ok; },
      reset: function () { state = { h: data.h, a: [] }; show([]); reshuffle(); render(); write(key, null); }
    };
  }

  function init() { document.querySelectorAll(".course-quiz").forEach(setupQuiz); }
  // document$ fires per page under instant navigation but not on file://: call init too (idempotent).
  if (typeof document$ !== "undefined") document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
