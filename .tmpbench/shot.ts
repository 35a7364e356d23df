import { chromium } from '@playwright/test';
const [url, out, width = '1440', height = '900', scroll = '0'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
await page.goto(url!);
if (Number(scroll)) await page.mouse.wheel(0, Number(scroll));
await page.waitForTimeout(300);
await page.screenshot({ path: out! });
await browser.close();
