"""Each task runs in a copy of the context it was created in."""
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="none")


async def handle(name):
    request.set(name)
    await asyncio.sleep(0.1)
    print("handling", request.get())


async def main():
    request.set("main")
    await asyncio.gather(handle("a"), handle("b"))
    print("main still sees", request.get())


asyncio.run(main())
