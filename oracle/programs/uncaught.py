"""An exception escapes main: the program ends with its traceback (stdout up to there)."""
import asyncio


async def inner():
    await asyncio.sleep(0.5)
    print("about to fail")
    raise LookupError("no such thing")


async def main():
    print("start")
    await inner()
    print("never")


asyncio.run(main())
