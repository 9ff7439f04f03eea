/**
 * The loop and the OS: the streams preset. Its fds are listed as the selector watches them,
 * select returns the ready ones, their callbacks join the ready queue; in both languages, and
 * the screenshot of the I/O loop view at 1280x720.
 */
import { expect, test } from './app';

test.describe('simulated I/O: streams and select()', () => {
  test('the selector lists the fds, select returns the ready ones and their callbacks queue', async ({
    app,
    page,
  }, info) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.open('?preset=io-streams&lang=en&t=1.5');
    await expect(page.getByTestId('preset')).toHaveValue('io-streams');
    await expect(page.getByTestId('about')).toContainText('file descriptor');
    // At 1.5 s both clients wait in readline(): their sockets are watched for reading.
    const fds = page.getByTestId('fds');
    await expect(fds).toContainText('fd 6 server1');
    await expect(fds).toContainText('fd 7 server2');
    await expect(page.getByTestId('select-result')).toHaveText('[]');
    // The next iteration: select(None) returns both fds at 2.5 s, each one's _read_ready queues.
    for (let i = 0; i < 5; i += 1) await app.press('ArrowRight');
    await expect(page.getByTestId('time')).toHaveText('2.500');
    await expect(page.getByTestId('select-result')).toHaveText('[fd 6, fd 7]');
    await expect(fds.locator('li.fd.ready')).toHaveCount(2);
    await expect(page.getByTestId('ready')).toContainText('_read_ready · fd 6');
    await expect(page.getByTestId('ready')).toContainText('_read_ready · fd 7');
    await page.screenshot({ path: 'test-results/io-loop-view.png' });
    await page.screenshot({ path: info.outputPath('io-loop-view.png') });
    // The callbacks feed the StreamReaders and wake the clients, which print the lines.
    await app.press('ArrowDown');
    await app.press('End');
    await page.getByRole('tab', { name: 'Console' }).click();
    await expect(page.getByTestId('console')).toContainText('client2 got line 3 of server2');
    await expect(page.getByTestId('console')).toContainText('client1 closed');
    await expect(fds).toContainText('no fd registered');
    expect(app.errors).toEqual([]);
  });

  test('in French, with the connect watched for writing and the code that runs for real', async ({
    app,
    page,
  }) => {
    await app.open('?preset=io-streams&lang=fr&clients=3&latency=1');
    // Before the first iteration's end: the three connects wait for their sockets to be writable.
    await app.press('ArrowDown');
    const fds = page.getByTestId('fds');
    await expect(fds.locator('li.fd')).toHaveCount(3);
    await expect(fds).toContainText('fd 8 server3');
    await expect(fds).toContainText('écriture');
    await expect(page.getByTestId('primitives')).toContainText(
      'connexion en cours : fd 6 surveillé en écriture',
    );
    await page.getByRole('tab', { name: 'Code Python' }).click();
    await expect(page.getByTestId('code')).toContainText('asyncio.open_connection("127.0.0.1"');
    await expect(page.getByTestId('code')).toContainText('def start_test_server(');
    expect(app.errors).toEqual([]);
  });

  test('subprocesses: a stdout pipe and a pidfd each, returned together when the child exits', async ({
    app,
    page,
  }, info) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.open('?preset=io-subprocess&lang=en&t=2.25');
    const fds = page.getByTestId('fds');
    await expect(fds.locator('li.fd')).toHaveCount(4);
    await expect(fds).toContainText('fd 6 worker1 stdout');
    await expect(fds).toContainText('fd 7 worker1 pidfd');
    // At 3 s worker1 exits: one select returns its stdout (EOF) and its pidfd.
    for (let i = 0; i < 6; i += 1) await app.press('ArrowRight');
    await expect(page.getByTestId('select-result')).toHaveText('[fd 6, fd 7]');
    await expect(page.getByTestId('ready')).toContainText('_do_wait · fd 7');
    await page.screenshot({ path: info.outputPath('io-subprocess.png') });
    await app.press('End');
    await page.getByRole('tab', { name: 'Console' }).click();
    await expect(page.getByTestId('console')).toContainText('reader2 exited');
    await expect(page.getByTestId('primitives')).toContainText('exited, returncode 0');
    expect(app.errors).toEqual([]);
  });

  test('subprocesses in French: the code runs the program with python -c', async ({
    app,
    page,
  }) => {
    await app.open('?preset=io-subprocess&lang=fr&workers=1');
    await app.press('End');
    await expect(page.getByTestId('primitives')).toContainText('terminé, returncode 0');
    await page.getByRole('tab', { name: 'Code Python' }).click();
    await expect(page.getByTestId('code')).toContainText(
      'asyncio.create_subprocess_exec(sys.executable, "-c"',
    );
    expect(app.errors).toEqual([]);
  });
});
