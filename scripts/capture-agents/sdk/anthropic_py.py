# One streamed and one plain request with the official Anthropic Python SDK, base URL from argv[1].
import sys
import anthropic

client = anthropic.Anthropic(base_url=sys.argv[1], api_key="sk-test-anthropic-py-000000000000")
messages = [{"role": "user", "content": "Say hello."}]
client.messages.create(model="mimo-v2.5-pro", max_tokens=256, messages=messages)
with client.messages.stream(model="mimo-v2.5-pro", max_tokens=256, messages=messages) as stream:
    stream.get_final_message()
