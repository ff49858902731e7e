import { html } from "../views/escape.js";
import { page } from "../views/layout.js";

/** The sign-in form: an API key, turned into a session cookie; the key never stays in the browser. */
export function signInPage(view: {
  readonly action: string;
  readonly csrfToken: string;
  readonly error?: string;
}): string {
  const invalid = view.error !== undefined && view.error !== "";
  const body = html`<div class="card">
<h1>Sign in</h1>
<p class="lead">Use one of your account's API keys. It is checked once and never kept in your browser: you get a session for 12 hours.</p>
<form method="post" action="${view.action}">
<input type="hidden" name="_csrf" value="${view.csrfToken}">
<label for="key">API key</label>
<input id="key" name="key" type="password" required autofocus autocomplete="off" spellcheck="false" maxlength="512"${invalid && html` aria-invalid="true" aria-describedby="key-error"`}>
${invalid && html`<p id="key-error" class="alert" role="alert">${view.error}</p>`}
<button class="button block" type="submit">Sign in</button>
</form>
</div>`;
  return page({ title: "Sign in", body, noindex: true });
}
