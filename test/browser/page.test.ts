// The example page (examples/web) in a real browser: Debian's chromium driven by playwright-core,
// filling the forms as a person would. Screenshots go to test-output/browser/. Without chromium the
// suite is skipped locally, and fails in CI (CI=true): .ci/run installs it.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { startServer, STRICT_CSP, type WebServer } from '../../examples/web/server';

const CHROMIUM = '/usr/bin/chromium';
/** Why each flag: DEVELOPERS.md. */
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
];
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SHOTS = join(REPO, 'test-output', 'browser');
const haveChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
if (!haveChromium && !inCi) console.warn(`test/browser skipped: no ${CHROMIUM} (apt-get install chromium fonts-noto-cjk); with CI=true it fails instead`);

let browser: Browser | undefined;
let server: WebServer | undefined;
const contexts: BrowserContext[] = [];

/** A fresh profile (its own localStorage), in the language and zone of the form's people. */
const openPage = async (): Promise<{ page: Page; pageErrors: string[]; consoleErrors: string[] }> => {
  if (browser === undefined) throw new Error('no browser');
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1024, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  return { page, pageErrors, consoleErrors };
};

const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** A field's block by its session path (`name`, `services.0.description`). */
const field = (page: Page, path: string): Locator => page.locator(`[data-path="${path}"]`);
const errorText = async (locator: Locator): Promise<string> => ((await locator.locator('.field-error').first().textContent()) ?? '').trim();
const updates = async (page: Page, path: string): Promise<number> => Number(await field(page, path).getAttribute('data-updates'));
const rowKeys = (page: Page): Promise<string[]> => page.locator('li.row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row-key') ?? ''));

const load = async (page: Page, url: string): Promise<void> => {
  await page.goto(url);
  await page.locator('form').waitFor();
};

describe.skipIf(!haveChromium && !inCi)('the example page in chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: the browser test needs Debian's chromium (apt-get install chromium; .ci/run does it in CI)`);
    mkdirSync(SHOTS, { recursive: true });
    [browser, server] = await Promise.all([
      chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }),
      startServer({ host: '127.0.0.1', port: 0 }),
    ]);
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  }, 60_000);

  it('shows and hides fields, shows errors on blur and on submit, in three languages, and submits', async () => {
    const { page, pageErrors, consoleErrors } = await openPage();
    await load(page, server!.url);
    expect(await page.locator('h1').textContent()).toBe('客户信息收集与需求反馈表');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // Staff-only section: not drawn for a customer.
    expect(await page.locator('#section-internal').isVisible()).toBe(false);

    // The star rating and the feedback text follow the feedback type (their visibleIf).
    const satisfaction = field(page, 'satisfaction');
    const feedbackContent = field(page, 'feedbackContent');
    expect(await satisfaction.isVisible()).toBe(false);
    expect(await feedbackContent.isVisible()).toBe(false);
    await field(page, 'feedbackType').getByRole('radio', { name: '满意度评价' }).click();
    expect(await satisfaction.isVisible()).toBe(true);
    expect(await feedbackContent.isVisible()).toBe(true);
    await satisfaction.locator('label.star').nth(3).click();
    expect(await satisfaction.getByRole('radio', { name: '4 星（共 5 星）' }).isChecked()).toBe(true);
    expect(await satisfaction.locator('label.star.lit').count()).toBe(4);
    await field(page, 'feedbackType').getByRole('radio', { name: '意见建议' }).click();
    expect(await satisfaction.isVisible()).toBe(false);
    expect(await feedbackContent.isVisible()).toBe(true);

    // Errors on blur, for the touched field only.
    const name = page.locator('#fl-name');
    expect(await name.getAttribute('aria-describedby')).toBe('fl-name-error');
    await name.focus();
    await page.keyboard.press('Tab');
    expect(await errorText(field(page, 'name'))).toBe('请填写客户姓名');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#fl-phone').getAttribute('aria-invalid')).toBeNull();
    expect(await errorText(field(page, 'phone'))).toBe('');
    expect(await errorText(field(page, 'demandDescription'))).toBe('');
    await page.locator('#fl-phone').pressSequentially('1381234567');
    await page.keyboard.press('Tab');
    expect(await errorText(field(page, 'phone'))).toContain('11位手机号码');

    // A radio group is blurred when focus leaves the group.
    await field(page, 'customerType').getByRole('radio', { name: '企业' }).focus();
    await page.keyboard.press('Shift+Tab');
    expect(await errorText(field(page, 'customerType'))).toBe('请填写客户类型');
    expect(await field(page, 'customerType').getAttribute('aria-invalid')).toBe('true');

    // A keystroke redraws its own field, not the others (field states keep identity). The witness is a
    // field focus does not pass through on the way (leaving a field touches it, a real change).
    const otherUpdates = await updates(page, 'companyName');
    const nameUpdates = await updates(page, 'name');
    await name.pressSequentially('张三');
    expect(await updates(page, 'name')).toBeGreaterThan(nameUpdates);
    expect(await updates(page, 'companyName')).toBe(otherUpdates);
    expect(await errorText(field(page, 'name'))).toBe('');
    expect(await name.getAttribute('aria-invalid')).toBeNull();

    // Submit touches everything: every error shows, summarised above the form, which takes focus.
    await page.getByRole('button', { name: '提交' }).click();
    const summary = page.locator('.error-summary');
    expect(await summary.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await errorText(field(page, 'customerType'))).toBe('请填写客户类型');
    expect(await errorText(field(page, 'demandDescription'))).toBe('请填写需求描述');
    expect(await field(page, 'customerType').getAttribute('aria-invalid')).toBe('true');
    const summaryItems = await summary.locator('li').allTextContents();
    expect(summaryItems).toEqual(['请填写客户类型', '联系方式应为11位手机号码（以1开头）', '请填写需求类型', '请填写需求描述']);
    await shot(page, 'intake-zh-CN-errors');
    // A summary link focuses its field.
    await summary.getByRole('link', { name: '请填写需求描述' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fl-demandDescription');

    // English: labels from the definition, messages from the session, the page's own words.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Customer intake and feedback');
    expect(await field(page, 'name').locator('label .caption').textContent()).toBe('Name');
    expect(await errorText(field(page, 'demandDescription'))).toBe('Description is required');
    expect(await errorText(field(page, 'customerType'))).toBe('Customer type is required');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await summary.locator('h2').textContent()).toBe('4 answers need attention');
    await shot(page, 'intake-en-errors');

    // Traditional Chinese: the rule's message has zh-TW; the labels have none and read zh-CN.
    await page.getByRole('button', { name: '繁體中文' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-TW');
    expect(await page.getByRole('button', { name: '儲存草稿' }).isVisible()).toBe(true);
    await page.locator('#fl-expectedDate').fill('2020-01-01');
    expect(await errorText(field(page, 'expectedDate'))).toBe('期望交付時間不能早於今天');
    await shot(page, 'intake-zh-TW-rule');

    // Back to zh-CN, answer everything, submit.
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.locator('#fl-expectedDate').fill('2099-06-01');
    expect(await errorText(field(page, 'expectedDate'))).toBe('');
    await field(page, 'customerType').getByRole('radio', { name: '个人' }).check();
    await page.locator('#fl-phone').fill('');
    await page.locator('#fl-phone').pressSequentially('+86 138-1234-5678');
    await field(page, 'demandType').getByRole('radio', { name: '产品咨询' }).check();
    await page.locator('#fl-demandDescription').pressSequentially('需要一套客户信息管理系统');
    await page.locator('#fl-budget').selectOption({ label: '1-5万' });
    await page.getByRole('button', { name: '提交' }).click();
    const submitted = page.locator('.submitted');
    expect(await submitted.isVisible()).toBe(true);
    expect(await summary.isVisible()).toBe(false);
    expect(await submitted.locator('h2').textContent()).toBe('提交成功。');
    const values = JSON.parse((await submitted.locator('pre').textContent()) ?? '{}') as Record<string, unknown>;
    expect(values).toMatchObject({
      customerType: 'individual', name: '张三', phone: '13812345678', demandType: 'product-consulting',
      demandDescription: '需要一套客户信息管理系统', expectedDate: '2099-06-01', budget: '10k-50k', feedbackType: 'suggestion',
    });
    // Hidden answers are not submitted: the rating given while it was visible.
    expect(values).not.toHaveProperty('satisfaction');
    await shot(page, 'intake-submitted');
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('adds and removes service-record rows, each row keeping its own state', async () => {
    const { page, pageErrors, consoleErrors } = await openPage();
    await load(page, `${server!.url}?form=service-feedback-log`);
    expect(await page.locator('h1').textContent()).toBe('客户信息管理与服务反馈记录表');
    expect(await rowKeys(page)).toEqual([]);
    expect(await page.locator('.field-group .empty').textContent()).toBe('还没有记录。');

    const add = page.getByRole('button', { name: '添加服务记录' });
    await add.click();
    await add.click();
    expect(await rowKeys(page)).toEqual(['r1', 'r2']);
    // The new row's first field a customer can fill has focus (the record number is the system's).
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('fl-services-r2-feedbackTime');
    // Staff-only row fields are not drawn for a customer.
    expect(await field(page, 'services.0.handler').isVisible()).toBe(false);

    const row1 = page.locator('li.row[data-row-key="r1"]');
    const row2 = page.locator('li.row[data-row-key="r2"]');
    await row1.getByRole('radio', { name: '电话' }).check();
    await row1.locator('textarea').first().pressSequentially('第一行：物流延迟');
    // Row 2 (index 1): touched, with its error; row 1 untouched, no error.
    await field(page, 'services.1.description').locator('textarea').focus();
    await page.keyboard.press('Tab');
    const row2Error = await errorText(field(page, 'services.1.description'));
    expect(row2Error).toContain('问题描述');
    expect(await errorText(field(page, 'services.0.description'))).toBe('');
    expect(await errorText(field(page, 'services.0.channel'))).toBe('');
    await shot(page, 'rows-two');

    // Remove row 1 (index 0): row 2's element, touched state and error stay with row 2.
    const row2Element = await row2.elementHandle();
    await row1.getByRole('button', { name: '删除服务记录第 1 条' }).click();
    expect(await rowKeys(page)).toEqual(['r2']);
    expect(await row2Element?.evaluate((element) => element.isConnected)).toBe(true);
    expect(await row2.getAttribute('data-index')).toBe('0');
    expect(await row2.locator('.row-title').textContent()).toBe('服务记录 第 1 条');
    expect(await row2.locator('[data-field="description"]').getAttribute('data-path')).toBe('services.0.description');
    expect(await errorText(field(page, 'services.0.description'))).toContain('问题描述');
    expect(await field(page, 'services.0.description').locator('textarea').inputValue()).toBe('');
    expect(await row2.getByRole('radio', { name: '电话' }).isChecked()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('添加服务记录');

    // A new row is new: untouched, no errors, nothing of the removed row.
    await add.click();
    expect(await rowKeys(page)).toEqual(['r2', 'r3']);
    const row3 = page.locator('li.row[data-row-key="r3"]');
    expect((await row3.locator('.field-error').allTextContents()).join('')).toBe('');
    expect(await row3.locator('[aria-invalid="true"]').count()).toBe(0);
    expect(await row3.locator('textarea').first().inputValue()).toBe('');
    expect(await errorText(field(page, 'services.0.description'))).toContain('问题描述');
    expect(await row3.locator('.row-title').textContent()).toBe('服务记录 第 2 条');

    // Rows in English.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await row3.locator('.row-title').textContent()).toBe('Service record 2');
    expect(await page.getByRole('button', { name: 'Remove service record 1' }).isVisible()).toBe(true);
    await shot(page, 'rows-after-remove-en');
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('saves a draft, resumes it after a reload and by token, and submits it', async () => {
    const { page, pageErrors, consoleErrors } = await openPage();
    await load(page, server!.url);
    await field(page, 'customerType').getByRole('radio', { name: '企业' }).check();
    await page.locator('#fl-name').pressSequentially('李四');
    await page.locator('#fl-phone').pressSequentially('13912345678');
    await page.locator('#fl-companyName').pressSequentially('示例科技有限公司');
    await page.locator('#fl-industry').selectOption({ label: 'IT服务' });
    await page.locator('#fl-demandDescription').focus();
    await page.keyboard.press('Tab');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await errorText(field(page, 'demandDescription'))).toBe('Description is required');

    await page.getByRole('button', { name: 'Save draft' }).click();
    const tokenElement = page.locator('[data-draft-token]');
    await tokenElement.waitFor();
    const token = (await tokenElement.textContent()) ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{16,128}$/);
    expect(new URL(page.url()).hash).toBe(`#draft=${token}`);
    expect(await page.locator('.status').textContent()).toContain('Draft saved until');
    const stored = await page.evaluate((key) => window.localStorage.getItem(key), `formloom:draft:${token}`);
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ formId: 'customer-intake', locale: 'en', values: { name: '李四' } });

    // Reload: the token in the URL resumes the draft, language and touched fields included.
    await page.reload();
    await page.locator('form').waitFor();
    await page.locator('.status').getByText('Draft resumed.').waitFor();
    const expectResumed = async (): Promise<void> => {
      expect(await page.locator('#fl-name').inputValue()).toBe('李四');
      expect(await page.locator('#fl-phone').inputValue()).toBe('13912345678');
      expect(await page.locator('#fl-companyName').inputValue()).toBe('示例科技有限公司');
      expect(await field(page, 'customerType').getByRole('radio', { name: 'Enterprise' }).isChecked()).toBe(true);
      expect(await page.locator('#fl-industry option:checked').textContent()).toBe('IT services');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await errorText(field(page, 'demandDescription'))).toBe('Description is required');
      expect(await errorText(field(page, 'demandType'))).toBe('');
    };
    await expectResumed();
    await shot(page, 'draft-resumed-after-reload');

    // A fresh page, the token typed in.
    await load(page, `${server!.url}?form=customer-intake`);
    expect(await page.locator('#fl-name').inputValue()).toBe('');
    await page.getByLabel('草稿令牌').fill('no-such-draft-token-0000');
    await page.getByRole('button', { name: '恢复草稿' }).click();
    await page.locator('.status').getByText('没有找到这份草稿').waitFor();
    await page.getByLabel('草稿令牌').fill(token);
    await page.getByRole('button', { name: '恢复草稿' }).click();
    await page.locator('.status').getByText('Draft resumed.').waitFor();
    await expectResumed();

    // Finish and submit the resumed draft.
    await field(page, 'demandType').getByRole('radio', { name: 'Cooperation' }).check();
    await page.locator('#fl-demandDescription').pressSequentially('希望建立长期合作关系');
    await page.getByRole('button', { name: 'Submit' }).click();
    expect(await page.locator('.submitted').isVisible()).toBe(true);
    const values = JSON.parse((await page.locator('.submitted pre').textContent()) ?? '{}') as Record<string, unknown>;
    expect(values).toMatchObject({ customerType: 'enterprise', name: '李四', companyName: '示例科技有限公司', industry: 'it-services', demandType: 'cooperation' });
    await shot(page, 'draft-submitted');
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  describe('under a strict Content-Security-Policy', () => {
    interface Violation { readonly directive: string; readonly blocked: string }
    const recordViolations = (): void => {
      const seen: { directive: string; blocked: string }[] = [];
      (window as unknown as { violations: typeof seen }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push({ directive: event.violatedDirective, blocked: event.blockedURI }));
    };
    const violations = (page: Page): Promise<Violation[]> => page.evaluate(() => (window as unknown as { violations: Violation[] }).violations);

    /** Opens the page under the strict policy, the violation listener in place before any script of the page. */
    const openStrict = async (target: WebServer): Promise<{ page: Page; pageErrors: string[] }> => {
      const { page, pageErrors } = await openPage();
      await page.addInitScript(recordViolations);
      const response = await page.goto(target.url);
      expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
      await page.locator('form').waitFor();
      return { page, pageErrors };
    };

    /** The form works: visibility follows the feedback type, a submit shows the errors. */
    const exercise = async (page: Page): Promise<void> => {
      expect(await field(page, 'satisfaction').isVisible()).toBe(false);
      await field(page, 'feedbackType').getByRole('radio', { name: '满意度评价' }).click();
      expect(await field(page, 'satisfaction').isVisible()).toBe(true);
      await page.locator('#fl-phone').pressSequentially('12345');
      await page.getByRole('button', { name: '提交' }).click();
      expect(await errorText(field(page, 'name'))).toBe('请填写客户姓名');
      expect(await errorText(field(page, 'phone'))).toContain('11位手机号码');
      expect(await page.locator('.error-summary li').count()).toBe(5);
    };

    it('with a form precompiled by `formloom build`, nothing even tries eval', async () => {
      const out = join(SHOTS, 'prebuilt', 'customer-intake.mjs');
      mkdirSync(join(SHOTS, 'prebuilt'), { recursive: true });
      const written: string[] = [];
      const code = await runCli(['build', 'examples/customer-intake.json', '-o', out], {
        stdout: { write: (text: string) => written.push(text) }, stderr: { write: (text: string) => written.push(text) }, cwd: REPO, env: {},
      });
      expect(code, `formloom build: ${written.join('')}`).toBe(0);
      const strict = await startServer({ csp: STRICT_CSP, prebuiltForm: out });
      try {
        const { page, pageErrors } = await openStrict(strict);
        await exercise(page);
        await shot(page, 'csp-prebuilt');
        expect(await violations(page)).toEqual([]);
        expect(pageErrors).toEqual([]);
        // The policy is in force and the listener hears it: an eval by the page now is refused and
        // reported. (Run from a timer: code evaluated by the test itself through CDP may eval.)
        await page.evaluate(() => {
          const result = window as unknown as { evalResult?: string };
          setTimeout(() => {
            try {
              result.evalResult = String(new Function('return 1')());
            } catch (error) {
              result.evalResult = (error as Error).name;
            }
          }, 0);
        });
        await page.waitForFunction(() => (window as unknown as { evalResult?: string }).evalResult !== undefined);
        expect(await page.evaluate(() => (window as unknown as { evalResult?: string }).evalResult)).toBe('EvalError');
        await page.waitForFunction(() => (window as unknown as { violations: unknown[] }).violations.length > 0);
        expect((await violations(page))[0]?.blocked).toBe('eval');
      } finally {
        await strict.close();
      }
    });

    it('compiling in the browser instead, the same policy refuses code generation and the form still works', async () => {
      // The control: the page that compiles definitions itself tries new Function, is refused (the
      // listener sees it), and falls back to formloom's reference walk.
      const strict = await startServer({ csp: STRICT_CSP });
      try {
        const { page, pageErrors } = await openStrict(strict);
        await exercise(page);
        expect((await violations(page)).some((violation) => violation.blocked === 'eval')).toBe(true);
        expect(pageErrors).toEqual([]);
      } finally {
        await strict.close();
      }
    });
  });
});
