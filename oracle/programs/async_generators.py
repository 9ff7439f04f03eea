"""async for over an async generator, async comprehensions, an async context manager."""
import asyncio
import contextlib


async def countdown(n):
    while n > 0:
        await asyncio.sleep(0.1)
        yield n
        n -= 1


@contextlib.asynccontextmanager
async def section(name):
    print("enter", name)
    try:
        yield name.upper()
    finally:
        await asyncio.sleep(0.05)
        print("exit", name)


async def main():
    async for n in countdown(3):
        print("count", n)
    print([n async for n in countdown(2)])
    async with section("work") as value:
        print("inside", value)


asyncio.run(main())
