"""shield keeps the inner task alive; as_completed gives results as they come."""
import asyncio


async def value(v, seconds):
    await asyncio.sleep(seconds)
    return v


async def main():
    inner = asyncio.create_task(value("kept", 1))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.5)
    except TimeoutError:
        print("outer timed out; inner cancelled?", inner.cancelled())
    print("inner result:", await inner)
    for next_done in asyncio.as_completed([value("slow", 0.3), value("fast", 0.1), value("mid", 0.2)]):
        print("as completed:", await next_done)


asyncio.run(main())
