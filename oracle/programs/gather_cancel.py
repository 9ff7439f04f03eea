"""Cancelling a gather cancels its children."""
import asyncio


async def child(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    group = asyncio.gather(child("x"), child("y"))
    await asyncio.sleep(0.5)
    group.cancel()
    try:
        await group
    except asyncio.CancelledError:
        print("the gather is cancelled")


asyncio.run(main())
