/* Quizzes from scripts/hooks/quizzes.py: answers in data-answers; progress in localStorage,
   a key per question, dropped when the question's hash changes. The feedback and explanations
   are a script of their own (data-texts), fetched when the reader first turns to the quiz: a
   reader who only reads the lesson never downloads them. */
(() => {
  "use strict";
  const KEY = "course-quiz:";

  const read = key => {
    try { const v = JSON.parse(localStorage.getItem(key)); return v && typeof v === "object" ? v : null; }
    catch (e) { return null; }  // no storage, or garbage in it: start afresh
  };
  const write = (key, value) => {
    try { if (value) localStorage.setItem(key, JSON.stringify(value)); else localStorage.removeItem(key); }
    catch (e) { /* storage off or full: the quiz still works */ }
  };
  const children = list => [...list.children];
  const shuffle = list => {
    const items = children(list);
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    items.forEach(li => list.appendChild(li));
  };
  const same = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
  const total = () => {
    const box = document.querySelector(".course-quiz-total");
    let right = 0, all = 0;
    if (!box) return;
    document.querySelectorAll(".course-quiz[data-ready]").forEach(quiz => {
      right += +quiz.dataset.right; all += +quiz.dataset.count;
    });
    box.textContent = msg("total", {right, all});
  };

  // The quiz's texts: in data-answers already, or from data-texts, once (a failed load shows the
  // result without them). Scripts load on file:// too, where fetch() does not.
  const loads = {};
  const texts = (quiz, answers) => {
    const src = quiz.dataset.texts, slug = quiz.dataset.quiz;
    if (!src) return Promise.resolve(answers);
    return loads[src] = loads[src] || new Promise(resolve => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = script.onerror = () => resolve((window.courseQuizTexts || {})[slug] || {});
      document.head.appendChild(script);
    });
  };

  function setupQuiz(quiz) {
    let answers, undo = null, changed = () => {};
    const questions = [];
    if (quiz.dataset.ready) return;
    try { answers = JSON.parse(quiz.getAttribute("data-answers")); } catch (e) { return; }
    let loaded = null;  // the quiz's feedback, once it is in
    const load = () => texts(quiz, answers).then(all => {
      if (loaded) return;
      loaded = all;
      quiz.dataset.said = "";  // for tests: the feedback is in
      questions.forEach(q => q.render());
    });
    // Fetched as the reader reaches for the quiz, so it is there by the time they check.
    ["pointerdown", "focusin", "change"].forEach(type => quiz.addEventListener(type, load, { once: true }));
    const update = () => {
      const right = questions.filter(q => q.right()).length;
      quiz.dataset.right = right; quiz.dataset.count = questions.length;
      quiz.querySelector(".course-quiz__score").textContent = msg("score", {right, all: questions.length});
      total();
    };
    quiz.querySelectorAll(".course-quiz__question").forEach(box => {
      const data = answers[box.dataset.id];
      if (data) questions.push(setupQuestion(box, data, KEY + quiz.dataset.quiz + ":" + box.dataset.id, () => changed(),
        () => (loaded ? loaded[box.dataset.id] || {} : (load(), null))));
    });
    quiz.querySelectorAll("[data-js]").forEach(e => { e.hidden = false; });
    quiz.dataset.ready = "1";
    // Reset keeps what it wiped until the next answer: the button offers to undo it meanwhile.
    const reset = quiz.querySelector(".course-quiz__reset"), label = reset.textContent;
    reset.addEventListener("click", () => {
      const kept = undo;
      if (kept) { questions.forEach((q, i) => q.restore(kept[i])); forget(); update(); return; }
      undo = questions.map(q => q.reset());
      update();
      reset.textContent = msg("undo_reset");
      quiz.querySelector(".course-quiz__score").textContent += msg("was_reset");
    });
    const forget = () => { undo = null; reset.textContent = label; };
    changed = () => { forget(); update(); };
    update();
  }

  function setupQuestion(box, data, key, changed, said) {
    const kind = box.dataset.kind, order = kind === "ordering";
    const list = box.querySelector("ol, ul"), out = box.querySelector(".course-quiz__feedback");
    const inputs = box.querySelectorAll("input"), n = order ? data.n : inputs.length;
    const byValue = (a, b) => a - b;  // the inputs stand in page order, which the shuffle on the server set
    const right = order ? [...Array(n).keys()] : data.c.slice().sort(byValue);
    const valid = a => Array.isArray(a) && a.every((v, i) => v === (v | 0) && v >= 0 && v < n && a.indexOf(v) === i) &&
      (!order || !a.length || a.length === n);
    const chosen = () => order ? children(list).map(li => +li.dataset.index)
      : [...inputs].filter(i => i.checked).map(i => +i.value).sort(byValue);
    const reshuffle = () => {
      if (!order && box.dataset.shuffle !== "true") return;
      shuffle(list);
      if (order && same(chosen(), right)) children(list).reverse().forEach(li => list.appendChild(li));
    };
    let state = read(key);
    if (!state || state.h !== data.h || !valid(state.a)) { if (state) write(key, null); state = { h: data.h, a: [] }; }
    state.r = state.r === true;
    if (!order) state.a.sort(byValue);  // kept in page order before
    state.ok = !!state.a.length && same(state.a, right) && !state.r;
    reshuffle();

    const show = a => {
      if (order) a.forEach(i => list.appendChild(list.querySelector("[data-index='" + i + "']")));
      else inputs.forEach(i => { i.checked = a.includes(+i.value); });
    };
    const item = i =>
      box.querySelector(order ? "[data-index='" + i + "'] .course-quiz__item" : "input[value='" + i + "'] + span").innerHTML;
    const mark = a => {
      children(list).forEach((li, pos) => {
        const i = order ? +li.dataset.index : +li.querySelector("input").value, on = !!a && (order || a.includes(i));
        const good = order ? i === pos : right.includes(i);
        li.classList.toggle("is-right", on && good);
        li.classList.toggle("is-wrong", on && !good);
      });
    };
    const retry = box.querySelector("[data-action=retry]");
    const clear = () => { out.innerHTML = ""; out.dataset.result = ""; };
    const render = () => {
      // Until the texts come, the verdict shows alone; they are drawn in when they come.
      const a = state.a, ok = same(a, right), t = (a.length && said()) || {};
      mark(a.length ? a : null);
      retry.hidden = !a.length;  // nothing to try again before a first attempt
      clear();
      if (!a.length) return;
      out.dataset.result = state.r ? "" : ok ? "right" : "wrong";
      let html = "<p><strong>" + msg(state.r ? "answer" : ok ? "correct" : "wrong") + "</strong> ";
      if (order) html += (state.r ? "" : msg("in_place", {right: a.filter((v, i) => v === i).length, all: n})) + "</p>";
      else html += (!ok && kind === "multiple" && a.every(i => right.includes(i)) ? msg("missing") : "") +
        "</p><ul>" + a.map(i => "<li><strong>" + item(i) + (t.f ? ":</strong> " + t.f[i] : "</strong>") + "</li>").join("") + "</ul>";
      out.innerHTML = html + (ok && t.x ? "<p>" + t.x + "</p>" : "");
    };
    const store = () => write(key, state.a.length || state.r ? state : null);
    const save = () => { store(); changed(); };
    const actions = {
      check() {
        const a = chosen();
        if (!a.length) { clear(); out.textContent = msg("choose"); return; }
        state.a = a; state.ok = same(a, right) && !state.r; render(); save();
      },
      retry() {
        state.a = []; state.ok = false; show([]); if (order) reshuffle(); render(); save();
        (box.querySelector("input, button[data-move]") || box).focus();
      },
      reveal() {
        state.a = right.slice(); state.r = true; state.ok = false; show(right); render(); save();
      }
    };
    const move = button => {
      const li = button.closest("li"), up = button.dataset.move === "-1";
      const other = up ? li.previousElementSibling : li.nextElementSibling;
      if (other) {
        if (up) list.insertBefore(li, other); else list.insertBefore(other, li);
        button.focus();
      }
      mark(null);
      clear();
      out.textContent = msg("position", {item: li.querySelector(".course-quiz__item").textContent,
        n: children(list).indexOf(li) + 1, all: n});
    };
    box.addEventListener("click", event => {
      const button = event.target.closest("button");
      if (!button) return;
      if (button.dataset.action) actions[button.dataset.action]();
      else if (button.dataset.move) move(button);
    });
    box.addEventListener("change", () => { mark(null); clear(); });  // the old feedback no longer fits
    const restore = kept => { state = kept; show(state.a); if (!state.a.length) reshuffle(); render(); store(); };
    if (state.a.length) show(state.a);
    render();
    return {
      render,
      right: () => !!state.ok,
      reset: () => { const kept = state; restore({ h: data.h, a: [] }); return kept; },
      restore
    };
  }

  // A quiz in view now: this script comes after the page's content, and changing the quizzes
  // before Material lays the page out spares the phone a second layout of a long page. A quiz
  // folded away (the review quiz's lessons) each in a task of its own, so that setting up ninety
  // questions never holds a phone's main thread in one long task; at once if its fold opens first.
  const init = () => document.querySelectorAll(".course-quiz").forEach(quiz => {
    const fold = quiz.closest("details:not([open])");
    if (!fold) return setupQuiz(quiz);
    fold.addEventListener("toggle", () => setupQuiz(quiz), { once: true });
    setTimeout(() => setupQuiz(quiz));
  });
  // Then on every page instant navigation brings (document$; not on file://). init is idempotent.
  init();
  if (typeof document$ !== "undefined") document$.subscribe(init);
})();
