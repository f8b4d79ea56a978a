// The softphone: dial through the phone API, send keys as push tones, show what is said.
"use strict";
(() => {
  const root = document.getElementById("softphone");
  const api = root.dataset.api;
  const $ = (id) => document.getElementById(id);
  const log = $("call-log"), dialled = $("dialled"), state = $("call-state"), error = $("phone-error");
  const dialButton = $("dial"), hangUpButton = $("hang-up");
  const keyValue = { "＊": "*", "＃": "#" };
  let call = null;
  // Log entries appear one after another, as a voice would say them, in a strict order.
  let queue = Promise.resolve();
  const PACE_MS = 120;

  // The IVR's voice: each sentence's audio, played one after another as it is said; the log
  // does not wait for it (a silent phone has no audio, and tests read the log).
  const voice = $("ivr-voice");
  let speaking = Promise.resolve();
  function speak(audio) {
    if (!audio) return;
    speaking = speaking.then(() => new Promise((done) => {
      voice.src = audio.url;
      voice.onended = voice.onerror = () => done();
      voice.play().catch(() => done());
    }));
  }

  function say(kind, text, audio) {
    queue = queue.then(() => new Promise((done) => {
      const last = log.lastElementChild;
      if (kind === "keys" && last && last.dataset.kind === "keys") {
        last.textContent += text;  // keys pressed one after another read as one entry
        done();
        return;
      }
      const item = document.createElement("li");
      item.className = "entry " + kind;
      item.dataset.kind = kind;
      item.textContent = kind === "keys" ? "● " + text : text;
      if (audio) {
        item.dataset.audio = audio.url;
        speak(audio);
      }
      log.appendChild(item);
      item.scrollIntoView({ block: "nearest" });
      setTimeout(done, kind === "guidance" ? PACE_MS : 0);
    }));
    return queue;
  }

  function showError(message) {
    error.textContent = message;
    error.hidden = !message;
  }

  function setCall(next) {
    call = next && next.state === "active" ? next : null;
    hangUpButton.disabled = !call;
    dialButton.disabled = Boolean(call);
    if (call) {
      state.textContent = "通話中: " + call.dialled;
    } else if (next) {
      state.textContent = `終話しました（通話時間 ${next.duration_seconds}秒、通話料 ${next.charge_yen}円（税込${next.charge_yen_tax_included}円））`;
    }
  }

  async function post(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || response.statusText);
    return data;
  }

  async function dial() {
    showError("");
    const number = dialled.value.trim();
    if (!number) { showError("発信する番号を入力してください。"); return; }
    try {
      const body = { caller: $("caller").value, dialled: number, data: $("data-call").checked };
      if ($("caller-region").value) body.region = $("caller-region").value;
      const data = await post(api, body);
      say("system", `${data.caller} から ${data.dialled} へ発信`);
      data.guidance.forEach((text, i) => say("guidance", text, (data.audio || [])[i]));
      await queue;
      setCall(data);
      if (data.state !== "active") say("system", "通話が終了しました");
      dialled.value = "";
    } catch (failure) {
      showError(failure.message);
    }
  }

  async function press(key) {
    showError("");
    if (!call) { dialled.value += key; return; }
    try {
      const data = await post(`${api}/${call.id}/keys`, { keys: keyValue[key] || key });
      say("keys", key);
      const first = data.guidance.length - data.said.length;
      data.said.forEach((text, i) => say("guidance", text, (data.audio || [])[first + i]));
      await queue;
      setCall(data);
      if (data.state !== "active") say("system", "通話が終了しました");
    } catch (failure) {
      showError(failure.message);
    }
  }

  async function hangUp() {
    if (!call) return;
    try {
      const data = await post(`${api}/${call.id}/hangup`, {});
      await queue;
      setCall(data);
      say("system", "終話しました");
    } catch (failure) {
      showError(failure.message);
    }
  }

  async function ring() {
    showError("");
    const [region, number] = $("incoming-to").value.split(":");
    const from = $("incoming-from").value;
    const fax = $("incoming-fax").checked;
    const body = {
      region, number, fax,
      caller: from === "number" ? $("incoming-caller").value.trim() : from,
      answered: $("incoming-answered").checked,
      busy: $("incoming-busy").checked,
    };
    if (fax) body.pages = Number($("incoming-pages").value);
    try {
      const data = await post(root.querySelector(".incoming").dataset.api, body);
      data.log.forEach((text) => say("incoming", text));
      await queue;
    } catch (failure) {
      showError(failure.message);
    }
  }

  // Keys must reach the network in the order pressed, however fast they are pressed.
  let pending = Promise.resolve();
  const inOrder = (action) => () => { pending = pending.then(action); };

  document.querySelectorAll(".key").forEach((button) =>
    button.addEventListener("click", inOrder(() => press(button.dataset.key))));
  document.querySelectorAll(".quick").forEach((button) =>
    button.addEventListener("click", inOrder(() => { dialled.value = button.dataset.number; })));
  dialButton.addEventListener("click", inOrder(dial));
  hangUpButton.addEventListener("click", inOrder(hangUp));
  $("incoming-ring").addEventListener("click", inOrder(ring));
})();
