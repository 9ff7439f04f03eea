"""TaskGroup: one task fails, the other is cancelled, the errors come out as a group (except*).

(Only one task is left to cancel: CPython cancels a group's tasks in the order of a set.)"""
import asyncio


async def sleeper(name, seconds):
    try:
        await asyncio.sleep(seconds)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def failing(seconds, error):
    await asyncio.sleep(seconds)
    raise error


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(sleeper("s1", 1))
            group.create_task(failing(0.2, ValueError("bad value")))
            group.create_task(sleeper("s2", 0.1))
    except* ValueError as errors:
        print("value errors:", [str(e) for e in errors.exceptions])
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(failing(0.1, KeyError("k")))
            group.create_task(failing(0.1, TypeError("t")))
    except* KeyError as errors:
        print("key errors:", len(errors.exceptions))
    except* TypeError as errors:
        print("type errors:", len(errors.exceptions))


asyncio.run(main())
