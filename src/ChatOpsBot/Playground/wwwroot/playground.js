// The playground page: polls the in-memory chat and renders the bot's Block Kit (Slack view)
// or the Adaptive Cards the Teams front end would send (Teams view, drawn by teams-card.js).
// Every piece of message text reaches the page through textContent, never as markup.
"use strict";

(function () {
  const api = "/playground/api";
  const names = { U0PLAYDEV: "developer", U0PLAYADM: "admin", U0PLAYBOT: "k8s-access" };
  const channelNames = { C0PLAYTEAM: "team", C0PLAYAPPR: "approvers" };
  const state = {
    role: "developer", view: "slack", since: 0, messages: new Map(), threadTs: null, generation: 0,
  };

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  };

  // Slack escapes exactly these three in message text.
  const unescapeSlack = (text) =>
    text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

  const safeHref = (url) => /^(https?:|mailto:)/i.test(url) ? url : null;

  // <url|label>, <@U123>, <#C123|name>, <!here>: the parts of Slack's link syntax.
  function renderAngle(inner) {
    const bar = inner.indexOf("|");
    const target = bar < 0 ? inner : inner.slice(0, bar);
    const label = bar < 0 ? null : inner.slice(bar + 1);
    if (target.startsWith("@")) {
      const id = target.slice(1);
      return el("span", "mention", "@" + (label || names[id] || id));
    }
    if (target.startsWith("#")) {
      const id = target.slice(1);
      return el("span", "mention", "#" + (label || channelNames[id] || id));
    }
    if (target.startsWith("!")) {
      return el("span", "mention", "@" + (label || target.slice(1).split("^")[0]));
    }
    const href = safeHref(unescapeSlack(target));
    if (!href) return document.createTextNode(unescapeSlack(label || target));
    const link = el("a", null, unescapeSlack(label || target));
    link.href = href;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    return link;
  }

  const inlinePattern = new RegExp(
    "(`[^`\\n]+`)" +
    "|(<[^<>\\n]+>)" +
    "|((?<![\\w*])\\*(?=\\S)[^*\\n]*?\\S?\\*(?![\\w*]))" +
    "|((?<![A-Za-z0-9_])_(?=\\S)[^_\\n]*?\\S?_(?![A-Za-z0-9_]))" +
    "|((?<![\\w~])~(?=\\S)[^~\\n]*?\\S?~(?![\\w~]))", "g");

  function renderInline(text, parent) {
    let last = 0;
    for (const match of text.matchAll(inlinePattern)) {
      if (match.index > last) {
        parent.appendChild(document.createTextNode(unescapeSlack(text.slice(last, match.index))));
      }
      const token = match[0];
      if (match[1]) {
        parent.appendChild(el("code", null, unescapeSlack(token.slice(1, -1))));
      } else if (match[2]) {
        parent.appendChild(renderAngle(token.slice(1, -1)));
      } else {
        const tag = match[3] ? "strong" : match[4] ? "em" : "s";
        const node = el(tag);
        renderInline(token.slice(1, -1), node);
        parent.appendChild(node);
      }
      last = match.index + token.length;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(unescapeSlack(text.slice(last))));
  }

  function renderMrkdwn(text, parent) {
    const fence = /```([\s\S]*?)```/g;
    let last = 0;
    for (const match of text.matchAll(fence)) {
      if (match.index > last) renderInline(text.slice(last, match.index), parent);
      parent.appendChild(el("pre", null, unescapeSlack(match[1].replace(/^\n/, ""))));
      last = match.index + match[0].length;
    }
    if (last < text.length) renderInline(text.slice(last), parent);
    return parent;
  }

  function renderText(textObject, className) {
    const node = el("div", "mrkdwn" + (className ? " " + className : ""));
    if (!textObject || typeof textObject.text !== "string") return node;
    if (textObject.type === "mrkdwn") renderMrkdwn(textObject.text, node);
    else node.textContent = textObject.text;
    return node;
  }

  const plain = (textObject) => (textObject && typeof textObject.text === "string") ? textObject.text : "";

  // A confirm object shows a dialog first; the click is sent only when confirmed.
  function confirmThen(confirm, send) {
    if (!confirm) { send(); return; }
    const dialog = document.getElementById("confirm-dialog");
    document.getElementById("confirm-title").textContent = plain(confirm.title) || "Are you sure?";
    const body = document.getElementById("confirm-text");
    body.replaceChildren(renderText(confirm.text));
    const yes = document.getElementById("confirm-yes");
    yes.textContent = plain(confirm.confirm) || "Confirm";
    yes.className = "btn " + (confirm.style === "danger" ? "danger" : "primary");
    document.getElementById("confirm-deny").textContent = plain(confirm.deny) || "Cancel";
    dialog.returnValue = "";
    dialog.addEventListener("close", () => {
      if (dialog.returnValue === "confirm") send();
    }, { once: true });
    dialog.showModal();
  }

  async function click(message, blockIndex, actionId, optionValue) {
    await postJson(api + "/actions", {
      role: state.role, messageKey: message.key, blockIndex, actionId, optionValue: optionValue ?? null,
    });
  }

  // A Teams card's action goes to the same click API as Slack's: the block is found by the
  // block_id the card carries, and a menu's value is read from the card's ChoiceSet.
  async function executeTeamsAction(message, action, root) {
    const data = action.data || {};
    const blockIndex = (message.blocks || []).findIndex((b) => b && b.block_id === data.block_id);
    let option = null;
    if (data.input_id) {
      const select = [...root.querySelectorAll("select")].find((s) => s.dataset.inputId === data.input_id);
      option = select ? select.value : "";
      if (!option) {
        setStatus("Choose one first.");
        return;
      }
    }
    try { await click(message, blockIndex, data.action_id, option); } catch (_) { /* status says why */ }
  }

  function renderButton(message, blockIndex, element) {
    const button = el("button", "btn" + (element.style ? " " + element.style : ""), plain(element.text));
    button.type = "button";
    button.dataset.actionId = element.action_id || "";
    button.addEventListener("click", () => confirmThen(element.confirm, async () => {
      button.disabled = true;
      try { await click(message, blockIndex, element.action_id); } finally { button.disabled = false; }
    }));
    return button;
  }

  function renderSelect(message, blockIndex, element) {
    const select = el("select");
    select.dataset.actionId = element.action_id || "";
    select.setAttribute("aria-label", plain(element.placeholder) || "Choose");
    const placeholder = el("option", null, plain(element.placeholder) || "Choose…");
    placeholder.value = "";
    placeholder.disabled = true;
    placeholder.selected = true;
    select.appendChild(placeholder);
    const addOption = (parent, option) => {
      const node = el("option", null, plain(option.text));
      node.value = option.value ?? "";
      parent.appendChild(node);
    };
    (element.options || []).forEach((option) => addOption(select, option));
    (element.option_groups || []).forEach((group) => {
      const node = el("optgroup");
      node.label = plain(group.label);
      (group.options || []).forEach((option) => addOption(node, option));
      select.appendChild(node);
    });
    select.addEventListener("change", () => {
      const value = select.value;
      confirmThen(element.confirm, () => click(message, blockIndex, element.action_id, value));
    });
    return select;
  }

  function renderElement(message, blockIndex, element) {
    if (!element || typeof element !== "object") return null;
    if (element.type === "button") return renderButton(message, blockIndex, element);
    if (element.type === "static_select") return renderSelect(message, blockIndex, element);
    if (element.type === "image") return el("span", "meta", element.alt_text || "");
    if (element.type === "mrkdwn" || element.type === "plain_text") return renderText(element);
    return el("span", "meta", "[" + element.type + "]");
  }

  function renderBlock(message, block, index) {
    switch (block && block.type) {
      case "header":
        return el("div", "block block-header", plain(block.text));
      case "divider":
        return el("hr", "block block-divider");
      case "context": {
        const node = el("div", "block block-context");
        (block.elements || []).forEach((item) => {
          const child = renderElement(message, index, item);
          if (child) node.appendChild(child);
        });
        return node;
      }
      case "actions": {
        const node = el("div", "block block-actions");
        (block.elements || []).forEach((item) => {
          const child = renderElement(message, index, item);
          if (child) node.appendChild(child);
        });
        return node;
      }
      case "section": {
        const node = el("div", "block block-section");
        const main = el("div");
        if (block.text) main.appendChild(renderText(block.text));
        if (Array.isArray(block.fields)) {
          const fields = el("div", "block-fields");
          block.fields.forEach((field) => fields.appendChild(renderText(field)));
          main.appendChild(fields);
        }
        node.appendChild(main);
        if (block.accessory) {
          node.classList.add("section-with-accessory");
          const accessory = renderElement(message, index, block.accessory);
          if (accessory) node.appendChild(accessory);
        }
        return node;
      }
      default:
        return el("div", "block meta", "[unsupported block: " + String(block && block.type) + "]");
    }
  }

  function renderMessage(message, canReply) {
    const node = el("div", "message" + (message.ephemeral ? " ephemeral" : "")
      + (message.user === "U0PLAYBOT" ? " bot" : ""));
    node.dataset.key = message.key;
    node.dataset.ts = message.ts;
    const head = el("div");
    head.appendChild(el("span", "author", names[message.user] || message.user));
    if (message.ephemeral) head.appendChild(el("span", "meta", "Only visible to you "));
    if (message.edited) head.appendChild(el("span", "meta", "(edited) "));
    if (canReply) {
      const reply = el("button", "reply-link", "Reply in thread");
      reply.type = "button";
      reply.addEventListener("click", () => setThread(message.ts));
      head.appendChild(reply);
    }
    node.appendChild(head);
    if (state.view === "teams" && message.teamsCard && window.TeamsCards) {
      node.appendChild(window.TeamsCards.render(message.teamsCard,
        (action, root) => executeTeamsAction(message, action, root)));
    } else if (Array.isArray(message.blocks) && message.blocks.length > 0) {
      message.blocks.forEach((block, index) => node.appendChild(renderBlock(message, block, index)));
    } else {
      node.appendChild(renderText({ type: "mrkdwn", text: message.text || "" }));
    }
    return node;
  }

  const byTs = (a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : a.version - b.version);

  function renderChannel(container) {
    const channel = container.dataset.channel;
    const all = [...state.messages.values()].filter((m) => m.channel === channel);
    const parents = new Set(all.filter((m) => !m.ephemeral).map((m) => m.ts));
    const isReply = (m) => m.threadTs && m.threadTs !== m.ts && parents.has(m.threadTs);
    const stick = container.scrollTop + container.clientHeight >= container.scrollHeight - 40;
    const nodes = [];
    all.filter((m) => !isReply(m)).sort(byTs).forEach((message) => {
      nodes.push(renderMessage(message, !message.ephemeral && channel === "C0PLAYTEAM"));
      const replies = all.filter((m) => isReply(m) && m.threadTs === message.ts).sort(byTs);
      if (replies.length > 0 && !message.ephemeral) {
        const thread = el("div", "thread");
        thread.dataset.threadTs = message.ts;
        replies.forEach((reply) => thread.appendChild(renderMessage(reply, false)));
        nodes.push(thread);
      }
    });
    container.replaceChildren(...nodes);
    if (stick) container.scrollTop = container.scrollHeight;
  }

  function render() {
    document.querySelectorAll(".channel").forEach(renderChannel);
  }

  function setStatus(text) {
    document.getElementById("status").textContent = text || "";
  }

  async function postJson(url, body) {
    const response = await fetch(url, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (_) { /* not JSON */ }
      setStatus(detail);
      throw new Error(detail);
    }
    setStatus("");
    poll();
    return response.json();
  }

  let polling = false;
  async function poll() {
    if (polling) return;
    polling = true;
    const generation = state.generation;
    try {
      const response = await fetch(`${api}/messages?role=${state.role}&since=${state.since}`);
      if (!response.ok || generation !== state.generation) return;
      const feed = await response.json();
      if (generation !== state.generation) return;
      if (feed.messages.length > 0) {
        feed.messages.forEach((m) => state.messages.set(m.key, m));
        render();
      }
      state.since = Math.max(state.since, feed.version);
    } catch (_) {
      setStatus("the bot is not answering; is it still running?");
    } finally {
      polling = false;
    }
  }

  function setRole(role) {
    state.role = role;
    state.generation++;
    state.since = 0;
    state.messages.clear();
    document.querySelectorAll(".roles button").forEach((button) =>
      button.setAttribute("aria-pressed", String(button.dataset.role === role)));
    render();
    polling = false;
    poll();
  }

  function setView(view) {
    state.view = view;
    document.body.classList.toggle("teams-view", view === "teams");
    document.querySelectorAll(".views button").forEach((button) =>
      button.setAttribute("aria-pressed", String(button.dataset.view === view)));
    render();
  }

  function setThread(ts) {
    state.threadTs = ts;
    document.getElementById("thread-note").hidden = !ts;
    document.getElementById("composer").focus();
  }

  document.querySelectorAll(".roles button").forEach((button) =>
    button.addEventListener("click", () => setRole(button.dataset.role)));
  document.querySelectorAll(".views button").forEach((button) =>
    button.addEventListener("click", () => setView(button.dataset.view)));
  document.getElementById("thread-cancel").addEventListener("click", () => setThread(null));
  document.getElementById("composer-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const box = document.getElementById("composer");
    const text = box.value.trim();
    if (!text) return;
    try {
      await postJson(api + "/messages",
        { role: state.role, text, channel: "C0PLAYTEAM", threadTs: state.threadTs });
      box.value = "";
      setThread(null);
    } catch (_) { /* the status line says why */ }
  });
  document.getElementById("composer").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      document.getElementById("composer-form").requestSubmit();
    }
  });

  setInterval(poll, 500);
  poll();
})();
