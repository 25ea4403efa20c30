// Shared steps of the end-to-end scenarios: log in (password, then the authenticator app's code), start a process
// from the catalogue, find, claim and complete tasks, fill Camunda Forms as a person would, and take a screenshot
// after each step.
//
// Environment: BASE_URL, SCREENSHOT_DIR, E2E_PASSWORD (the demo accounts' password), CHROMIUM_PATH,
// E2E_AUTHENTICATOR_FILE (where the scenarios of one run keep the TOTP secrets their accounts enrolled with).
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'e2e-screenshots');
const PASSWORD = process.env.E2E_PASSWORD;
const AUTHENTICATOR_FILE = process.env.E2E_AUTHENTICATOR_FILE ?? join(tmpdir(), 'e2e-authenticator-apps.json');
const TOTP_STEP_SECONDS = 30;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Automatic steps (network simulators, async jobs) run in the background, so tasks may take a while to appear.
const TASK_APPEAR_TIMEOUT_MS = 30_000;

class E2eFailure extends Error {}

function fail(message) {
  throw new E2eFailure(message);
}

let screenshotCount = 0;
let screenshotPrefix = '';

async function screenshot(page, name) {
  screenshotCount += 1;
  const file = join(SCREENSHOT_DIR, `${screenshotPrefix}${String(screenshotCount).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`  screenshot ${file}`);
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** form-js appends a "*" to required labels; match the label text with or without it. */
function labelPattern(label) {
  return new RegExp(`^\\s*${escapeRegExp(label)}\\s*\\*?\\s*$`);
}

/** Reads the API with the browser's session, to learn labels and options as the server defines them. */
async function apiGet(page, path) {
  return page.evaluate(async (apiPath) => {
    const response = await fetch(`/api${apiPath}`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      throw new Error(`GET /api${apiPath} answered HTTP ${response.status}`);
    }
    return response.json();
  }, path);
}

function findComponent(schema, matches) {
  const search = (components = []) => {
    for (const component of components) {
      if (matches(component)) {
        return component;
      }
      const nested = search(component.components);
      if (nested) {
        return nested;
      }
    }
    return null;
  };
  return schema ? search(schema.components) : null;
}

function componentLabel(component) {
  return component.label ?? component.dateLabel;
}

/**
 * Finds a field in the schema by key or by label; the label the user sees then locates it on the page,
 * and the option values give the option labels to pick.
 */
function resolveField(schema, { key, label }) {
  const component =
    (key && findComponent(schema, (c) => c.key === key)) ||
    findComponent(schema, (c) => componentLabel(c) === label);
  return {
    type: component?.type ?? null,
    label: (component && componentLabel(component)) || label,
    options: Array.isArray(component?.values) ? component.values : [],
  };
}

function fieldContainer(page, label) {
  return page
    .getByTestId('camunda-form')
    .locator('.fjs-form-field')
    .filter({ has: page.locator('label.fjs-form-field-label', { hasText: labelPattern(label) }) })
    .first();
}

/**
 * Types into a text field and checks, once form-js's debounce has passed, that the text is still there: a re-render
 * caused by another field's late update (slower on a busy machine) can drop it, and then it is typed again.
 */
async function fillText(page, schema, spec, value) {
  const field = resolveField(schema, spec);
  const input = page.getByTestId('camunda-form').getByLabel(labelPattern(field.label)).first();
  for (let attempt = 1; ; attempt += 1) {
    await input.fill(value);
    await page.waitForTimeout(700);
    if ((await input.inputValue()) === value) {
      return;
    }
    if (attempt === 3) {
      fail(`field ${field.label} lost the text typed into it three times`);
    }
  }
}

/** An ISO date as clerks type it: R8.12.6 in 令和, H30.4.1 in 平成, else as it is. */
function typedWareki(isoDate) {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (isoDate >= '2019-05-01') {
    return `R${year - 2018}.${month}.${day}`;
  }
  if (isoDate >= '1989-01-08') {
    return `H${year - 1988}.${month}.${day}`;
  }
  return isoDate;
}

/**
 * Types a date (given as YYYY-MM-DD) into a date field of a Camunda form in 和暦 as clerks write it, and checks that
 * the field reads it back as that day.
 */
async function fillDate(page, schema, spec, isoDate) {
  const field = resolveField(schema, spec);
  // The app's date field marks a required one with 必須 after the label, which is part of its accessible name.
  const input = page
    .getByTestId('camunda-form')
    .getByRole('textbox', { name: new RegExp(`^\\s*${escapeRegExp(field.label)}`) })
    .first();
  const typed = typedWareki(isoDate);
  await input.fill(typed);
  await input.evaluate((element) => element.blur());
  const reading = (await input.evaluate((element) => {
    const hint = element.getAttribute('aria-describedby')?.split(' ')[0];
    return hint ? document.getElementById(hint)?.textContent : null;
  })) ?? '';
  if (!reading.includes(`（${isoDate}）`)) {
    fail(`date field ${field.label} read ${typed} as "${reading}", not ${isoDate}`);
  }
}

/** Picks an option of a form-js radio group or select, by value (looked up in the schema) or by label. */
async function chooseOption(page, schema, spec, { value, label: fallbackLabel }) {
  const field = resolveField(schema, spec);
  const optionLabel = field.options.find((option) => option.value === value)?.label ?? fallbackLabel;
  if (!optionLabel) {
    fail(`no option with value ${value} for field ${field.label}`);
  }
  const container = fieldContainer(page, field.label);
  await container.waitFor();
  if ((await container.locator('input[type="radio"]').count()) > 0) {
    await container.getByLabel(optionLabel, { exact: true }).check();
    return;
  }
  if ((await container.locator('select').count()) > 0) {
    await container.locator('select').selectOption({ label: optionLabel });
    return;
  }
  const searchInput = container.locator('input.fjs-input:not(.fjs-select-hidden-input)');
  if ((await searchInput.count()) > 0) {
    await searchInput.first().fill(optionLabel);
  } else {
    await container.locator('.fjs-input-group').first().click();
  }
  await container.locator('.fjs-dropdownlist-item', { hasText: optionLabel }).first().click();
  const shown = await container.locator('.fjs-select-display, input.fjs-input').first().evaluate(
    (element) => (element instanceof HTMLInputElement ? element.value : element.textContent),
  );
  if (!shown?.includes(optionLabel)) {
    fail(`field ${field.label} shows "${shown}" instead of ${optionLabel}`);
  }
}

async function formErrors(page) {
  const errors = await page.locator('.fjs-form-field-error, .fjs-errors').allTextContents();
  return errors.map((text) => text.trim()).filter(Boolean).join(' / ');
}

function navLink(page, name, path) {
  return page.getByRole('link', { name, exact: true }).or(page.locator(`a[href="#${path}"]`)).first();
}

function base32Decode(text) {
  const bytes = [];
  let buffer = 0;
  let bits = 0;
  for (const character of text.replace(/[\s=]/g, '').toUpperCase()) {
    const value = BASE32.indexOf(character);
    if (value < 0) {
      fail(`the secret shown is not Base32: ${text}`);
    }
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** The code an authenticator app shows for a time step (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps). */
function totpCode(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hash = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  const binary = hash.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

function currentStep() {
  return Math.floor(Date.now() / 1000 / TOTP_STEP_SECONDS);
}

/** The "phones" of this run: each account's secret and the last time step it used, shared by the scenarios. */
function authenticatorApps() {
  return existsSync(AUTHENTICATOR_FILE) ? JSON.parse(readFileSync(AUTHENTICATOR_FILE, 'utf8')) : {};
}

function rememberApp(username, app) {
  mkdirSync(dirname(AUTHENTICATOR_FILE), { recursive: true });
  writeFileSync(AUTHENTICATOR_FILE, JSON.stringify({ ...authenticatorApps(), [username]: app }), { mode: 0o600 });
}

/**
 * A code of a time step after the account's last one, since the server accepts each code once only. The step after
 * the current one is accepted too; a later one only when its time comes, so a third login within 30 s waits.
 */
async function freshCode(page, username) {
  const app = authenticatorApps()[username];
  if (!app) {
    fail(`${username} has an authenticator app enrolled, but this run does not know its secret`);
  }
  const step = Math.max(currentStep(), app.lastStep + 1);
  while (step > currentStep() + 1) {
    await page.waitForTimeout(1_000);
  }
  rememberApp(username, { ...app, lastStep: step });
  return totpCode(app.secret, step);
}

/** A code that is certainly not the account's at the moment (for a refusal). */
function wrongCode(username) {
  const { secret } = authenticatorApps()[username];
  const step = currentStep();
  const valid = new Set([step - 1, step, step + 1, step + 2].map((candidate) => totpCode(secret, candidate)));
  let code = 0;
  while (valid.has(String(code).padStart(6, '0'))) {
    code += 1;
  }
  return String(code).padStart(6, '0');
}

/** The first step of login: the password. Leaves the page at the second step (enrolment or code). */
async function enterPassword(page, username, screenshotName) {
  await page.goto(`${BASE_URL}/#/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await screenshot(page, screenshotName);
  await page.getByTestId('login-submit').click();
  const code = page.getByTestId('totp-code');
  const error = page.getByTestId('login-error');
  await code.or(error).first().waitFor();
  if (await error.isVisible()) {
    fail(`login as ${username} failed: ${await error.textContent()}`);
  }
}

/** Whether the second step is the enrolment of an authenticator app (first login) rather than a code. */
async function isEnrolment(page) {
  return page.getByRole('heading', { name: '認証アプリの登録' }).isVisible();
}

/**
 * The second step of login. On the enrolment page the secret is read as a person would type it into their app and
 * kept for later logins; then a fresh code is computed and entered.
 */
async function enterCode(page, username, screenshotName) {
  if (await isEnrolment(page)) {
    const secret = page.getByTestId('totp-secret');
    await secret.waitFor();
    rememberApp(username, { secret: (await secret.textContent()).replace(/\s+/g, ''), lastStep: 0 });
  }
  await page.getByTestId('totp-code').fill(await freshCode(page, username));
  if (screenshotName) {
    await screenshot(page, screenshotName);
  }
  const earlierRefusal = page.getByTestId('totp-error');
  const refusedBefore = await earlierRefusal.isVisible();
  await page.getByTestId('totp-submit').click();
  if (refusedBefore) {
    await earlierRefusal.waitFor({ state: 'hidden' });
  }
  const user = page.getByTestId('current-user');
  const error = page.getByTestId('totp-error').or(page.getByTestId('login-error'));
  await user.or(error).first().waitFor();
  if (await error.first().isVisible()) {
    fail(`the code of ${username} was refused: ${await error.first().textContent()}`);
  }
}

/** Logs in with both steps, enrolling the account's authenticator app at its first login. */
async function login(page, username, screenshotName) {
  await enterPassword(page, username, screenshotName);
  await enterCode(page, username);
}

async function logout(page) {
  await page.getByTestId('logout-button').or(page.getByRole('button', { name: 'ログアウト' })).first().click();
  await page.getByTestId('login-username').waitFor();
}

async function openTab(page, view) {
  await navLink(page, 'タスク一覧', '/tasks').click();
  await page.getByTestId(`tab-${view}`).click();
  await waitForTaskList(page, view);
}

async function waitForTaskList(page, view) {
  await page.waitForURL(new RegExp(`#/tasks\\?view=${view}$`));
  await page
    .getByTestId('task-row')
    .or(page.getByText(/タスクはありません。$/))
    .first()
    .waitFor();
}

function taskRows(page, taskName, caseLabel) {
  let rows = page.getByTestId('task-row').filter({ hasText: taskName });
  if (caseLabel) {
    rows = rows.filter({ hasText: caseLabel });
  }
  return rows;
}

/** Reloads the open tab until the task shows up, since the engine creates it asynchronously. */
async function waitForTaskRow(page, view, taskName, caseLabel) {
  const deadline = Date.now() + TASK_APPEAR_TIMEOUT_MS;
  for (;;) {
    const rows = taskRows(page, taskName, caseLabel);
    if ((await rows.count()) > 0) {
      return rows.first();
    }
    if (Date.now() > deadline) {
      fail(`task ${taskName} for ${caseLabel} did not appear in the ${view} tab within ${TASK_APPEAR_TIMEOUT_MS / 1000} s`);
    }
    await page.waitForTimeout(1_000);
    await page.reload();
    await waitForTaskList(page, view);
  }
}

async function openTask(page, row) {
  await row.click();
  await page.waitForURL(/#\/tasks\/[^/?]+$/);
  await page.getByTestId('complete-button').waitFor();
  const taskId = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/tasks\//, ''));
  const detail = await apiGet(page, `/tasks/${encodeURIComponent(taskId)}`);
  return { taskId, schema: detail.form };
}

async function claim(page) {
  await page.getByTestId('claim-button').click();
  const claimed = page.getByTestId('unclaim-button');
  const message = page.getByTestId('task-message');
  await claimed.or(message).first().waitFor();
  if (!(await claimed.isVisible())) {
    fail(`claiming failed: ${await message.textContent()}`);
  }
}

async function complete(page) {
  const completeButton = page.getByTestId('complete-button');
  if (await completeButton.isDisabled()) {
    fail('the complete button is disabled after claiming');
  }
  await completeButton.click();
  const notice = page.getByTestId('inbox-notice');
  const message = page.getByTestId('task-message');
  try {
    await notice.or(message).first().waitFor({ timeout: 15_000 });
  } catch {
    fail(`completing did not finish; form says: ${(await formErrors(page)) || 'nothing'}`);
  }
  if (await message.isVisible()) {
    fail(`completing failed: ${await message.textContent()}`);
  }
}

/**
 * Looks a resident up the way staff do, on the 住民検索 page (name part 田), and reads the 宛名番号 of the first hit that
 * `accept` takes (any by default), e.g. one whose number makes a simulator answer a certain way.
 */
async function findAddresseeNumber(page, accept = () => true) {
  await navLink(page, '住民検索', '/residents').click();
  await page.getByLabel(/氏名/).first().fill('田');
  await page.getByTestId('resident-search-button').click();
  const rows = page.locator('table tbody tr');
  await rows.first().waitFor();
  await screenshot(page, 'resident-search');
  const numbers = (await rows.locator('td:first-child').allTextContents()).map((text) => text.trim());
  const found = numbers.find((number) => /^\d{10}$/.test(number) && accept(number));
  if (!found) {
    fail(`no fitting 宛名番号 among the search hits: ${numbers.join(', ')}`);
  }
  return found;
}

/** Starts a process from the catalogue (業務の開始); `fill` fills its start form. Returns the case label. */
async function startProcess(page, processKey, fill) {
  await navLink(page, '業務の開始', '/processes').click();
  const card = page.getByTestId(`process-card-${processKey}`);
  await card.waitFor();
  await screenshot(page, 'catalogue');
  await card.click();
  const processes = await apiGet(page, '/processes');
  const startForm = processes.find((process) => process.key === processKey)?.startForm;
  if (!startForm) {
    fail(`process ${processKey} is missing from the catalogue or has no start form`);
  }
  await page.getByTestId('camunda-form').locator('.fjs-form').waitFor();
  await fill(startForm);
  await screenshot(page, 'start-form-filled');
  await page.getByTestId('start-button').or(page.getByRole('button', { name: '開始', exact: true })).first().click();
  const started = page.getByTestId('start-result');
  const startError = page.getByTestId('start-message');
  try {
    await started.or(startError).first().waitFor({ timeout: 15_000 });
  } catch {
    fail(`the process did not start; form says: ${(await formErrors(page)) || 'nothing'}`);
  }
  if (await startError.isVisible()) {
    fail(`starting failed: ${await startError.textContent()}`);
  }
  const caseLabel = (await page.getByTestId('started-case-label').textContent())?.trim();
  console.log(`  started ${caseLabel}`);
  await screenshot(page, 'process-started');
  return caseLabel;
}

/** Opens the task from the group tab, claims it, lets `fill` fill its form and completes it. */
async function doTask(page, taskName, caseLabel, fill) {
  await openTab(page, 'group');
  const row = await waitForTaskRow(page, 'group', taskName, caseLabel);
  const task = await openTask(page, row);
  await claim(page);
  await fill(task.schema);
  await screenshot(page, `${task.taskId.slice(0, 8)}-filled`);
  await complete(page);
  await screenshot(page, `${task.taskId.slice(0, 8)}-completed`);
  return task;
}

/** Runs a scenario in a fresh browser; exits non-zero with the reason (and failure.png) when a step fails. */
async function runScenario(name, prefix, scenario) {
  screenshotPrefix = prefix;
  try {
    if (!PASSWORD) {
      fail('E2E_PASSWORD is not set (the demo accounts\' password)');
    }
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({
        locale: 'ja-JP',
        timezoneId: 'Asia/Tokyo',
        viewport: { width: 1366, height: 900 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      try {
        await scenario(page);
      } catch (error) {
        await page
          .screenshot({ path: join(SCREENSHOT_DIR, `${prefix}failure.png`), fullPage: true })
          .catch(() => undefined);
        throw error;
      }
    } finally {
      await browser.close();
    }
    console.log(`E2E passed: ${name}`);
  } catch (error) {
    console.error(`E2E FAILED: ${error instanceof E2eFailure ? error.message : (error?.stack ?? error)}`);
    process.exitCode = 1;
  }
}

export {
  apiGet,
  chooseOption,
  claim,
  complete,
  doTask,
  enterCode,
  enterPassword,
  fail,
  fillDate,
  fillText,
  findAddresseeNumber,
  isEnrolment,
  login,
  logout,
  navLink,
  openTab,
  openTask,
  runScenario,
  screenshot,
  startProcess,
  taskRows,
  waitForTaskRow,
  wrongCode,
};
