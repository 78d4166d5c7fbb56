// The operator key in the browser. By default it lives in sessionStorage: this tab only, gone when the tab closes.
// "Remember on this device" keeps it in localStorage only as AES-GCM ciphertext under a non-extractable CryptoKey held in
// IndexedDB, so what is written to disk is not the key and cannot be copied elsewhere and decrypted.
const SESSION = "tracefix.operatorKey";
const SEALED = "tracefix.operatorKey.sealed";
const LEGACY = "tracefix.operatorKey"; // plain text in localStorage before: moved into the session, never left behind

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open("tracefix", 1);
    request.onupgradeneeded = () => request.result.createObjectStore("keys");
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function run(db, mode, action) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction("keys", mode);
    const request = action(tx.objectStore("keys"));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error);
  });
}

async function sealingKey(create) {
  const db = await openDb();
  try {
    let key = await run(db, "readonly", s => s.get("operator"));
    if (!key && create) {
      key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
      await run(db, "readwrite", s => s.put(key, "operator"));
    }
    return key;
  } finally {
    db.close();
  }
}

const toBase64 = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const fromBase64 = text => Uint8Array.from(atob(text), c => c.charCodeAt(0));

export function canRemember() {
  return !!(globalThis.isSecureContext && crypto?.subtle && globalThis.indexedDB);
}

export async function load() {
  const legacy = localStorage.getItem(LEGACY);
  if (legacy) {
    localStorage.removeItem(LEGACY);
    sessionStorage.setItem(SESSION, legacy);
  }
  const session = sessionStorage.getItem(SESSION);
  if (session) return { key: session, remembered: localStorage.getItem(SEALED) !== null };
  const sealed = localStorage.getItem(SEALED);
  if (!sealed || !canRemember()) return null;
  try {
    const { iv, data } = JSON.parse(sealed);
    const key = await sealingKey(false);
    if (!key) return null;
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64(iv) }, key, fromBase64(data));
    const text = new TextDecoder().decode(plain);
    sessionStorage.setItem(SESSION, text);
    return { key: text, remembered: true };
  } catch {
    localStorage.removeItem(SEALED);
    return null;
  }
}

export async function save(value, remember) {
  sessionStorage.setItem(SESSION, value);
  localStorage.removeItem(SEALED);
  if (!remember || !canRemember()) return false;
  const key = await sealingKey(true);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(value));
  localStorage.setItem(SEALED, JSON.stringify({ iv: toBase64(iv), data: toBase64(data) }));
  return true;
}

export async function forget() {
  sessionStorage.removeItem(SESSION);
  localStorage.removeItem(SEALED);
  localStorage.removeItem(LEGACY);
  if (globalThis.indexedDB) {
    try {
      const db = await openDb();
      await run(db, "readwrite", s => s.delete("operator"));
      db.close();
    } catch {
      // Nothing was sealed on this device.
    }
  }
}
