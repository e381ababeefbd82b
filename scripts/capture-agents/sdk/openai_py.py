# One streamed and one plain request with the official OpenAI Python SDK (sync and async), base URL from argv[1].
import asyncio
import sys
import openai

messages = [{"role": "user", "content": "Say hello."}]
client = openai.OpenAI(base_url=sys.argv[1], api_key="sk-test-openai-py-000000000000")
client.chat.completions.create(model="mimo-v2.5-pro", messages=messages)


async def streamed():
    aclient = openai.AsyncOpenAI(base_url=sys.argv[1], api_key="sk-test-openai-py-000000000000")
    stream = await aclient.chat.completions.create(model="mimo-v2.5-pro", messages=messages, stream=True)
    async for _ in stream:
        pass


asyncio.run(streamed())
