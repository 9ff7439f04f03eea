"""asyncio.timeout: a block that takes too long, one rescheduled, one in time."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(2)
    except TimeoutError:
        print("the block timed out at", round(loop.time(), 3))
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.5)
        cm.reschedule(loop.time() + 1)
        await asyncio.sleep(0.8)
        print("rescheduled, still in time at", round(loop.time(), 3), cm.expired())
    async with asyncio.timeout(None):
        await asyncio.sleep(0.1)
    print("end at", round(loop.time(), 3))


asyncio.run(main())
