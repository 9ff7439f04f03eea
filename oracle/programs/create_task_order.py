"""create_task and ensure_future: tasks start in creation order, at the next iteration."""
import asyncio


async def say(word, times):
    for i in range(times):
        print(word, i)
        await asyncio.sleep(0)


async def main():
    a = asyncio.create_task(say("a", 3))
    b = asyncio.ensure_future(say("b", 2))
    print("main before await")
    await asyncio.sleep(0)
    print("main after one yield")
    await a
    await b
    print("done", a.done(), b.result())


asyncio.run(main())
