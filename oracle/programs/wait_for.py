"""wait_for: in time, too late (TimeoutError, the inner work cancelled), and timeout 0."""
import asyncio


async def slow(seconds):
    try:
        await asyncio.sleep(seconds)
        return f"slept {seconds}"
    except asyncio.CancelledError:
        print("slow", seconds, "cancelled")
        raise


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.wait_for(slow(0.5), timeout=1))
    try:
        await asyncio.wait_for(slow(2), timeout=1)
    except TimeoutError:
        print("timed out at", round(loop.time(), 3))
    try:
        await asyncio.wait_for(slow(1), timeout=0)
    except TimeoutError:
        print("timeout 0 at", round(loop.time(), 3))


asyncio.run(main())
