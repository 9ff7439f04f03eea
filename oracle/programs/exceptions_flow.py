"""Exceptions: awaited tasks re-raise, exception() and result(), chains, finally."""
import asyncio


async def bad(n):
    await asyncio.sleep(0.1)
    if n == 0:
        raise ZeroDivisionError("n is zero")
    return 10 / n


async def main():
    t = asyncio.create_task(bad(0))
    try:
        await t
    except ZeroDivisionError as error:
        print("awaiting re-raises:", error)
    print(repr(t.exception()))
    try:
        t.result()
    except ZeroDivisionError:
        print("result() raises too")
    try:
        try:
            await bad(0)
        except ZeroDivisionError as error:
            raise RuntimeError("wrapped") from error
    except RuntimeError as error:
        print(error, "from", repr(error.__cause__))
    finally:
        print("finally runs")
    print(await bad(4))


asyncio.run(main())
