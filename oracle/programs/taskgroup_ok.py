"""TaskGroup: the block waits for all its tasks."""
import asyncio


async def step(name, seconds):
    await asyncio.sleep(seconds)
    print(name, "done at", round(asyncio.get_running_loop().time(), 3))
    return name


async def main():
    async with asyncio.TaskGroup() as group:
        first = group.create_task(step("first", 0.3))
        second = group.create_task(step("second", 0.1))
        group.create_task(step("third", 0.2), name="third")
        print("all created")
    print("results:", first.result(), second.result())


asyncio.run(main())
