"""Two asyncio.run in a row, asyncio.Runner, and the old loop.run_until_complete."""
import asyncio


async def hello(name):
    await asyncio.sleep(0.25)
    print("hello", name)
    return len(name)


print("first:", asyncio.run(hello("run")))
print("second:", asyncio.run(hello("again")))
with asyncio.Runner() as runner:
    print("runner:", runner.run(hello("runner")))
loop = asyncio.new_event_loop()
print("loop:", loop.run_until_complete(hello("loop")))
loop.close()
