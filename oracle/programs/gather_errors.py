"""gather: the first error reaches the caller at once, the others go on; return_exceptions."""
import asyncio


async def fail(after, message):
    await asyncio.sleep(after)
    raise ValueError(message)


async def ok(after):
    await asyncio.sleep(after)
    print("ok after", after)
    return after


async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.gather(ok(0.5), fail(0.1, "first"), fail(0.2, "second"))
    except ValueError as error:
        print("caught", error, "at", round(loop.time(), 3))
    await asyncio.sleep(1)
    results = await asyncio.gather(ok(0.1), fail(0.2, "kept"), return_exceptions=True)
    print([repr(r) for r in results])


asyncio.run(main())
