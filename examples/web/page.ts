/**
 * The example page: a formloom form drawn in plain DOM from a filling session.
 *
 * Why no framework: a formloom session is already the whole state machine a form UI needs — it holds
 * the answers, which fields are visible, required and touched, the errors to show in the chosen
 * language, the keys of repeating rows, and it publishes immutable snapshots through
 * `subscribe` / `getSnapshot` (the same contract as React's useSyncExternalStore). A renderer only has
 * to draw a snapshot and turn DOM events into session events. This page does exactly that with the
 * DOM API, to show that the session needs no framework adapter: because a snapshot shares every
 * unchanged field state with the one before it, "draw only what changed" is an identity comparison
 * per field (fieldViews.ts), not a virtual DOM.
 *
 * The page takes its compiled forms from its entry (main.ts compiles the definitions in the browser,
 * mainPrebuilt.ts imports a module written by `formloom build`, for pages whose CSP forbids eval), so
 * both share everything here.
 */
import { DraftError, type CompiledForm, type DraftStore, type Session, type SessionSnapshot } from 'formloom';
import { h, keepFocusOnPress, setAttr, setText } from './dom';
import { SectionView, type ViewContext } from './fieldViews';
import { LocalStorageDraftStore } from './localStorageDrafts';
import { PAGE_LOCALES, textIn, UI, uiFor, type UiText } from './uiText';

export interface PageOptions {
  /** The forms the page offers; `?form=<id>` picks one, the first by default. */
  readonly forms: readonly CompiledForm[];
  /** Where the page draws (default: `#app`). */
  readonly root?: HTMLElement;
  /** Where drafts are kept (default: localStorage). */
  readonly drafts?: DraftStore;
  /** The role filling the form (default: `customer`). */
  readonly role?: string;
}

/** A status line, written again in each language the person switches to. */
type Status = (ui: UiText, locale: string) => readonly (Node | string)[];

const draftTokenInHash = (): string | undefined => {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('draft');
  return token === null || token === '' ? undefined : token;
};

const setHash = (token: string | undefined): void => {
  const url = `${window.location.pathname}${window.location.search}${token === undefined ? '' : `#draft=${encodeURIComponent(token)}`}`;
  // replaceState, not `location.hash =`: no history entry and no hashchange for the page to react to.
  window.history.replaceState(null, '', url);
};

const formatTime = (iso: string, locale: string): string => {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  } catch {
    return iso;
  }
};

class Page {
  private session: Session | undefined;
  private unsubscribe: (() => void) | undefined;
  private drawn: SessionSnapshot | undefined;
  private status: Status | undefined;
  private submitAttempted = false;
  private readonly sections: SectionView[];
  private readonly context: ViewContext;
  // The page's chrome, built once; texts are set by `drawChrome` in the session's language.
  private readonly title = h('h1', {});
  private readonly description = h('p', { class: 'form-description' });
  private readonly nav: HTMLElement | undefined;
  private readonly navLinks: { form: CompiledForm; link: HTMLAnchorElement }[];
  private readonly languageLabel = h('span', { id: 'language-label' });
  private readonly languageButtons = PAGE_LOCALES.map((locale) =>
    h('button', { type: 'button', class: 'language', lang: locale, 'data-locale': locale }, UI[locale].languageName));
  private readonly summaryTitle = h('h2', { id: 'error-summary-title' });
  private readonly summaryList = h('ul', {});
  private readonly summary = h('div', { class: 'error-summary', tabindex: '-1', hidden: true, 'aria-labelledby': 'error-summary-title' },
    this.summaryTitle, this.summaryList);
  private readonly submitButton = keepFocusOnPress(h('button', { type: 'submit', class: 'primary' }));
  private readonly saveButton = keepFocusOnPress(h('button', { type: 'button', class: 'secondary' }));
  private readonly tokenLabel = h('label', { for: 'resume-token' });
  private readonly tokenInput = h('input', { id: 'resume-token', type: 'text', autocomplete: 'off', spellcheck: 'false' });
  private readonly resumeButton = h('button', { type: 'button', class: 'secondary' });
  private readonly statusLine = h('div', { class: 'status', role: 'status' });
  private readonly submittedTitle = h('h2', { tabindex: '-1' });
  private readonly submittedCaption = h('p', {});
  private readonly submittedValues = h('pre', { class: 'submitted-values' });
  private readonly submittedPanel = h('section', { class: 'submitted', hidden: true }, this.submittedTitle, this.submittedCaption, this.submittedValues);

  constructor(
    private readonly form: CompiledForm,
    forms: readonly CompiledForm[],
    private readonly drafts: DraftStore,
    private readonly role: string | undefined,
    root: HTMLElement,
  ) {
    this.context = {
      definition: form.definition,
      defaultLocale: form.defaultLocale,
      send: (event) => {
        this.session?.send(event);
      },
    };
    this.sections = form.definition.sections.map((section) => new SectionView(section, this.context));
    this.navLinks = forms.map((each) => ({
      form: each,
      link: h('a', { href: `?form=${encodeURIComponent(each.id)}`, 'aria-current': each === form ? 'page' : undefined }),
    }));
    this.nav = forms.length > 1 ? h('nav', { class: 'forms' }, h('ul', {}, ...this.navLinks.map(({ link }) => h('li', {}, link)))) : undefined;

    const formElement = h('form', { novalidate: true, 'aria-labelledby': 'form-title' },
      ...this.sections.map((section) => section.root),
      h('div', { class: 'actions' }, this.submitButton, this.saveButton));
    this.title.id = 'form-title';
    root.replaceChildren(
      h('header', { class: 'page-head' },
        this.nav,
        h('div', { class: 'languages', role: 'group', 'aria-labelledby': 'language-label' }, this.languageLabel, ...this.languageButtons)),
      this.title,
      this.description,
      this.summary,
      formElement,
      h('section', { class: 'resume' }, this.tokenLabel, h('div', { class: 'resume-row' }, this.tokenInput, this.resumeButton)),
      this.statusLine,
      this.submittedPanel,
    );

    formElement.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.saveButton.addEventListener('click', () => void this.saveDraft());
    this.resumeButton.addEventListener('click', () => {
      const token = this.tokenInput.value.trim();
      if (token === '') this.setStatus((ui) => [ui.noToken]);
      else void this.resume(token);
    });
    this.languageButtons.forEach((button, index) => {
      button.addEventListener('click', () => this.session?.send({ type: 'setLocale', locale: PAGE_LOCALES[index] as string }));
    });
  }

  /** Draws `session` from now on: the old one is let go (a session has no dispose; it is garbage). */
  mount(session: Session): void {
    this.unsubscribe?.();
    this.session = session;
    this.submitAttempted = false;
    this.unsubscribe = session.subscribe((snapshot) => this.draw(snapshot));
    this.draw(session.getSnapshot());
  }

  /** Everything the page shows is a function of the snapshot (and of the status line). */
  private draw(snapshot: SessionSnapshot): void {
    const before = this.drawn;
    const ui = uiFor(snapshot.locale);
    const localeChanged = before === undefined || before.locale !== snapshot.locale;
    if (localeChanged) this.drawChrome(snapshot.locale, ui);
    for (const section of this.sections) section.update(snapshot);
    if (localeChanged || before.errors !== snapshot.errors || before.status !== snapshot.status) this.drawSummary(snapshot, ui);
    if (localeChanged || before.status !== snapshot.status || before.submitted !== snapshot.submitted) this.drawSubmitted(snapshot, ui);
    if (snapshot.eventError !== undefined && snapshot.eventError !== before?.eventError) {
      const { message } = snapshot.eventError;
      this.setStatus((text) => [text.refused(message)]);
    }
    this.drawn = snapshot;
  }

  private drawChrome(locale: string, ui: UiText): void {
    const { definition, defaultLocale } = this.form;
    document.documentElement.lang = locale;
    const title = textIn(definition.title, locale, defaultLocale);
    document.title = `${title} · formloom`;
    setText(this.title, title);
    setText(this.description, textIn(definition.description, locale, defaultLocale));
    this.description.hidden = definition.description === undefined;
    if (this.nav !== undefined) setAttr(this.nav, 'aria-label', ui.forms);
    for (const { form, link } of this.navLinks) setText(link, textIn(form.definition.title, locale, form.defaultLocale));
    setText(this.languageLabel, ui.language);
    this.languageButtons.forEach((button, index) => setAttr(button, 'aria-pressed', PAGE_LOCALES[index] === locale ? 'true' : 'false'));
    setText(this.submitButton, ui.submit);
    setText(this.saveButton, ui.saveDraft);
    setText(this.tokenLabel, ui.draftToken);
    setText(this.resumeButton, ui.resumeDraft);
    this.drawStatus(locale);
  }

  /** After a submit: every error of the form, each a link to its field. */
  private drawSummary(snapshot: SessionSnapshot, ui: UiText): void {
    const show = this.submitAttempted && snapshot.status === 'editing' && snapshot.errors.length > 0;
    this.summary.hidden = !show;
    if (!show) return;
    setText(this.summaryTitle, ui.errorSummary(snapshot.errors.length));
    this.summaryList.replaceChildren(...snapshot.errors.map((error) => {
      const control = this.controlFor(error.path);
      if (control === undefined || control.id === '') return h('li', {}, error.message);
      const link = h('a', { href: `#${control.id}` }, error.message);
      link.addEventListener('click', (event) => {
        // Focus, not navigation: the hash holds the draft token.
        event.preventDefault();
        control.focus();
      });
      return h('li', {}, link);
    }));
  }

  private drawSubmitted(snapshot: SessionSnapshot, ui: UiText): void {
    const done = snapshot.status === 'submitted';
    this.submittedPanel.hidden = !done;
    if (!done) return;
    setText(this.submittedTitle, ui.submitted);
    setText(this.submittedCaption, ui.submittedValues);
    setText(this.submittedValues, JSON.stringify(snapshot.submitted, null, 2));
  }

  private controlFor(path: string): HTMLElement | undefined {
    for (const section of this.sections) {
      const found = section.controlFor(path);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  private submit(): void {
    if (this.session === undefined) return;
    this.submitAttempted = true;
    const snapshot = this.session.send({ type: 'submit' });
    // A submit that changes nothing (already touched, same errors) draws nothing: show the summary anyway.
    this.drawSummary(snapshot, uiFor(snapshot.locale));
    if (snapshot.status === 'submitted') this.submittedTitle.focus();
    else this.summary.focus();
  }

  private async saveDraft(): Promise<void> {
    if (this.session === undefined) return;
    try {
      const { token, expiresAt } = await this.session.saveDraft();
      setHash(token);
      this.setStatus((ui, locale) => [ui.saved(formatTime(expiresAt, locale)), ' ', ui.savedToken, h('code', { 'data-draft-token': token }, token)]);
    } catch (error) {
      console.error(error);
      this.setStatus((ui) => [ui.draftFailed]);
    }
  }

  /** Continues a saved draft in a new session; a token that finds nothing leaves the current one. */
  async resume(token: string): Promise<boolean> {
    try {
      const session = await this.form.resumeDraft(token, { drafts: this.drafts, ...(this.role === undefined ? {} : { role: this.role }) });
      setHash(token);
      this.mount(session);
      const dropped = session.resumed?.dropped.length ?? 0;
      this.setStatus((ui) => [ui.resumed(dropped)]);
      return true;
    } catch (error) {
      if (error instanceof DraftError) {
        const code = error.code;
        this.setStatus((ui) => [code === 'expired' ? ui.draftExpired : ui.draftNotFound]);
      } else {
        console.error(error);
        this.setStatus((ui) => [ui.draftFailed]);
      }
      return false;
    }
  }

  start(): Session {
    return this.form.createSession({ locale: this.form.defaultLocale, drafts: this.drafts, ...(this.role === undefined ? {} : { role: this.role }) });
  }

  private setStatus(status: Status | undefined): void {
    this.status = status;
    this.drawStatus(this.drawn?.locale ?? this.form.defaultLocale);
  }

  private drawStatus(locale: string): void {
    this.statusLine.replaceChildren(...(this.status?.(uiFor(locale), locale) ?? []));
  }
}

/** Draws the page into `#app` (or `options.root`), resuming the draft whose token is in the URL. */
export const startPage = async (options: PageOptions): Promise<void> => {
  const root = options.root ?? document.getElementById('app');
  if (root === null) throw new Error('the page has no #app element');
  const wanted = new URLSearchParams(window.location.search).get('form');
  const form = options.forms.find((each) => each.id === wanted) ?? options.forms[0];
  if (form === undefined) throw new Error('startPage needs at least one form');
  let drafts = options.drafts;
  if (drafts === undefined) {
    const local = new LocalStorageDraftStore();
    local.sweep();
    drafts = local;
  }
  const page = new Page(form, options.forms, drafts, options.role ?? (form.roles.includes('customer') ? 'customer' : undefined), root);
  const token = draftTokenInHash();
  if (token !== undefined && (await page.resume(token))) return;
  if (token !== undefined) setHash(undefined);
  page.mount(page.start());
};
