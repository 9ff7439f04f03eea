"""Condition: consumers wait for items; notify, notify_all, wait_for."""
import asyncio

items = []


async def consumer(cond, name):
    async with cond:
        await cond.wait_for(lambda: items)
        print(name, "takes", items.pop(0))


async def main():
    cond = asyncio.Condition()
    consumers = [asyncio.create_task(consumer(cond, f"c{i}")) for i in range(3)]
    await asyncio.sleep(0.1)
    async with cond:
        items.append("one")
        cond.notify()
    await asyncio.sleep(0.1)
    async with cond:
        items.extend(["two", "three"])
        cond.notify_all()
    await asyncio.gather(*consumers)
    try:
        cond.notify()
    except RuntimeError as error:
        print(error)


asyncio.run(main())
