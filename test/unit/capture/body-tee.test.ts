import { MessageChannel } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { BodyTee } from '../../../src/main/core/capture/live-exchange'
import { PEEK_BYTES, peekRequestMeta } from '../../../src/main/core/protocols/request-meta'

describe('BodyTee.ends and the in-flight peek', () => {
  const big = JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(600_000) }], model: 'mimo-v2.5-pro', stream: true })

  it('gives the same head and tail as slicing the joined body, across chunk boundaries', () => {
    const tee = new BodyTee()
    const bytes = Buffer.from(big)
    for (let i = 0; i < bytes.length; i += 7919) tee.push(bytes.subarray(i, i + 7919))
    const ends = tee.ends(PEEK_BYTES)!
    expect(ends.head.equals(bytes.subarray(0, PEEK_BYTES))).toBe(true)
    expect(ends.tail.equals(bytes.subarray(bytes.length - PEEK_BYTES))).toBe(true)
    expect(peekRequestMeta(ends)).toEqual({ model: 'mimo-v2.5-pro', stream: true })
  })

  it('is null for a small body (the whole body is parsed then)', () => {
    const tee = new BodyTee()
    tee.push(Buffer.from('{"model":"m"}'))
    expect(tee.ends(PEEK_BYTES)).toBeNull()
  })
})

describe('BodyTee.handOff: bodies move to the persist worker', () => {
  /** A chunk in memory of its own, as Node's HTTP parser hands body chunks out. */
  const own = (size: number, fill: number): Buffer => Buffer.from(new Uint8Array(size).fill(fill).buffer)
  const post = async (parts: Uint8Array[], transfer: ArrayBuffer[]): Promise<Buffer> => {
    const { port1, port2 } = new MessageChannel()
    const got = new Promise<Uint8Array[]>((r) => port2.once('message', r))
    port1.postMessage(parts, transfer)
    const received = await got
    port1.close()
    port2.close()
    return Buffer.concat(received)
  }

  it('moves big chunks uncopied and gathers runs of small ones into one copy, when no write holds them', async () => {
    const chunks = [own(64 * 1024, 1), own(100, 2), own(200, 3), own(40 * 1024, 4), own(10, 5)]
    const whole = Buffer.concat(chunks)
    const tee = new BodyTee()
    for (const c of chunks) tee.push(c)
    const transfer: ArrayBuffer[] = []
    const parts = tee.handOff(true, transfer)
    expect(parts.length).toBe(4)
    expect(parts[0]).toBe(chunks[0])
    expect(parts[2]).toBe(chunks[3])
    // The lone small chunk at the end owns its memory, so it moves as it is too; the two in the middle are one copy.
    expect(parts[3]).toBe(chunks[4])
    expect(parts[1].byteLength).toBe(300)
    expect(transfer).toHaveLength(4)
    expect(transfer).toContain(chunks[0].buffer)
    expect(tee.moved).toBe(true)
    expect(() => tee.bytes()).toThrow(/moved/)
    expect((await post(parts, transfer)).equals(whole)).toBe(true)
    // The memory went with the message: nothing of the body is left on this thread.
    expect(chunks[0].byteLength).toBe(0)
    expect(chunks[3].byteLength).toBe(0)
  })

  it('copies a chunk that shares its memory with others (a slice) instead of detaching it', async () => {
    const backing = Buffer.from(new Uint8Array(64 * 1024).fill(7).buffer)
    const slice = backing.subarray(0, 32 * 1024)
    const tee = new BodyTee()
    tee.push(slice)
    const transfer: ArrayBuffer[] = []
    const parts = tee.handOff(true, transfer)
    expect(parts[0]).not.toBe(slice)
    expect((await post(parts, transfer)).equals(Buffer.alloc(32 * 1024, 7))).toBe(true)
    expect(backing.byteLength).toBe(64 * 1024)
  })

  it('copies the whole body when a write may still read the chunks', async () => {
    const chunks = [own(64 * 1024, 1), own(64 * 1024, 2)]
    const tee = new BodyTee()
    for (const c of chunks) tee.push(c)
    const transfer: ArrayBuffer[] = []
    const parts = tee.handOff(false, transfer)
    expect(parts).toHaveLength(1)
    expect((await post(parts, transfer)).equals(Buffer.concat(chunks))).toBe(true)
    expect(chunks.map((c) => c.byteLength)).toEqual([64 * 1024, 64 * 1024])
  })
})
