// The playground's Teams view: draws the Adaptive Cards the bot would send to Teams, for exactly
// the elements AdaptiveCardRenderer emits (TextBlock, Input.ChoiceSet, ActionSet with
// Action.Execute, Action.ShowCard and Action.OpenUrl). Every text goes in through textContent.
"use strict";

window.TeamsCards = (function () {
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  };

  // The ASCII punctuation a backslash makes literal in markdown.
  const escapable = /[!-\/:-@\[-`{-~]/;

  const unescape = (text) => text.replace(/\\([!-\/:-@\[-`{-~])/g, "$1");

  // The next `marker` at or after `from` that is not backslash-escaped; -1 when there is none.
  function findClose(text, marker, from) {
    for (let i = from; i < text.length; i++) {
      if (text[i] === "\\") { i++; continue; }
      if (text.startsWith(marker, i)) return i;
    }
    return -1;
  }

  // Teams TextBlock markdown: **bold**, _italic_, `code`, [label](https://…) and escapes.
  function renderInline(text, parent) {
    let buffer = "";
    const flush = () => {
      if (buffer) parent.appendChild(document.createTextNode(buffer));
      buffer = "";
    };
    const wrap = (tag, inner, next) => {
      flush();
      const node = el(tag);
      renderInline(inner, node);
      parent.appendChild(node);
      return next;
    };
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === "\\" && i + 1 < text.length && escapable.test(text[i + 1])) {
        buffer += text[i + 1];
        i += 2;
        continue;
      }
      if (text.startsWith("**", i)) {
        const end = findClose(text, "**", i + 2);
        if (end > i + 2) { i = wrap("strong", text.slice(i + 2, end), end + 2); continue; }
      }
      if (c === "_" && !/[A-Za-z0-9]/.test(text[i - 1] || "")) {
        const end = findClose(text, "_", i + 1);
        if (end > i + 1 && !/[A-Za-z0-9]/.test(text[end + 1] || "")) {
          i = wrap("em", text.slice(i + 1, end), end + 1);
          continue;
        }
      }
      if (c === "`") {
        const end = findClose(text, "`", i + 1);
        if (end > i + 1) {
          flush();
          parent.appendChild(el("code", null, unescape(text.slice(i + 1, end))));
          i = end + 1;
          continue;
        }
      }
      if (c === "[") {
        const middle = findClose(text, "](", i + 1);
        const end = middle < 0 ? -1 : text.indexOf(")", middle + 2);
        const href = end < 0 ? "" : text.slice(middle + 2, end);
        if (/^https?:\/\//i.test(href)) {
          flush();
          const link = el("a");
          renderInline(text.slice(i + 1, middle), link);
          link.href = href;
          link.target = "_blank";
          link.rel = "noopener noreferrer";
          parent.appendChild(link);
          i = end + 1;
          continue;
        }
      }
      buffer += c;
      i++;
    }
    flush();
  }

  // An empty line is a line break in a TextBlock.
  function renderTextBlock(element) {
    const classes = ["ac-text"];
    if (element.size === "Large") classes.push("ac-large");
    if (element.size === "Small") classes.push("ac-small");
    if (element.weight === "Bolder") classes.push("ac-bold");
    if (element.isSubtle) classes.push("ac-subtle");
    if (element.fontType === "Monospace") classes.push("ac-mono");
    const node = el("div", classes.join(" "));
    String(element.text || "").split("\n\n").forEach((line, index) => {
      if (index > 0) node.appendChild(el("br"));
      renderInline(line, node);
    });
    return node;
  }

  // The snippet is shown as written, like Teams' code block (copying keeps the indentation).
  function renderCodeBlock(element) {
    const node = el("pre", "ac-code");
    node.textContent = String(element.codeSnippet || "");
    return node;
  }

  function renderChoiceSet(element) {
    const select = el("select", "ac-choice");
    select.dataset.inputId = element.id || "";
    select.setAttribute("aria-label", element.placeholder || "Choose");
    const placeholder = el("option", null, element.placeholder || "Choose…");
    placeholder.value = "";
    placeholder.disabled = true;
    placeholder.selected = true;
    select.appendChild(placeholder);
    (element.choices || []).forEach((choice) => {
      const option = el("option", null, choice.title || "");
      option.value = choice.value || "";
      select.appendChild(option);
    });
    return select;
  }

  function renderActionSet(actions, root, onExecute) {
    const wrapper = el("div", "ac-actionset");
    const row = el("div", "ac-actions");
    const shown = el("div", "ac-showcard");
    shown.hidden = true;
    wrapper.append(row, shown);
    (actions || []).forEach((action) => {
      const style = action.style === "positive" ? " positive"
        : action.style === "destructive" ? " destructive" : "";
      if (action.type === "Action.OpenUrl" && /^https?:\/\//i.test(action.url || "")) {
        const link = el("a", "ac-button" + style, action.title || action.url);
        link.href = action.url;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        row.appendChild(link);
        return;
      }
      const button = el("button", "ac-button" + style, action.title || "");
      button.type = "button";
      if (action.type === "Action.Execute") {
        button.dataset.verb = action.verb || "";
        button.addEventListener("click", () => onExecute(action, root));
      } else if (action.type === "Action.ShowCard" && action.card) {
        button.setAttribute("aria-expanded", "false");
        button.addEventListener("click", () => {
          const open = shown.hidden || shown.dataset.owner !== action.title;
          shown.replaceChildren();
          if (open) shown.appendChild(renderCard(action.card, onExecute, root, "ac-card ac-inner"));
          shown.hidden = !open;
          shown.dataset.owner = open ? action.title : "";
          row.querySelectorAll("[aria-expanded]").forEach((b) => b.setAttribute("aria-expanded", "false"));
          button.setAttribute("aria-expanded", String(open));
        });
      } else {
        return;
      }
      row.appendChild(button);
    });
    return wrapper;
  }

  function renderElement(element, root, onExecute) {
    switch (element && element.type) {
      case "TextBlock": return renderTextBlock(element);
      case "CodeBlock": return renderCodeBlock(element);
      case "Input.ChoiceSet": return renderChoiceSet(element);
      case "ActionSet": return renderActionSet(element.actions, root, onExecute);
      default: return null;
    }
  }

  // `root` is the outermost card: its inputs are what an action sends.
  function renderCard(card, onExecute, root, className) {
    const node = el("div", className || "ac-card");
    const top = root || node;
    (card.body || []).forEach((element) => {
      const child = renderElement(element, top, onExecute);
      if (!child) return;
      if (element.separator) child.classList.add("ac-separator");
      node.appendChild(child);
    });
    if (Array.isArray(card.actions) && card.actions.length > 0) {
      node.appendChild(renderActionSet(card.actions, top, onExecute));
    }
    return node;
  }

  return { render: (card, onExecute) => renderCard(card, onExecute, null, "ac-card") };
})();
