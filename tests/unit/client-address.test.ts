import { ipBucket } from "@/lib/http/ip-bucket";
import { peerAddress, recordPeerAddresses } from "@/lib/http/peer-address";
import { clientIp } from "@/lib/http/request-context";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

const headers = (values: Record<string, string>) => new Headers(values);

describe("rate-limit buckets of client addresses", () => {
  test("two addresses in one IPv6 /64 share a bucket; another /64 does not", () => {
    const bucket = ipBucket("2001:db8:1:2:aaaa::1");
    expect(bucket).toBe("2001:db8:1:2::/64");
    expect(ipBucket("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe(bucket);
    expect(ipBucket("2001:DB8:1:2::")).toBe(bucket);
    expect(ipBucket("[2001:db8:1:2::9]")).toBe(bucket);
    expect(ipBucket("2001:db8:1:2::9%eth0")).toBe(bucket);
    expect(ipBucket("2001:db8:1:3::1")).not.toBe(bucket);
    expect(ipBucket("::1")).toBe("0:0:0:0::/64");
    expect(ipBucket("fe80::1:2:3:4")).toBe("fe80:0:0:0::/64");
  });

  test("IPv4-mapped IPv6 counts as the IPv4 address; IPv4 addresses count one by one", () => {
    expect(ipBucket("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(ipBucket("::FFFF:c633:6407")).toBe("198.51.100.7");
    expect(ipBucket("198.51.100.7")).toBe("198.51.100.7");
    expect(ipBucket("198.51.100.8")).not.toBe(ipBucket("198.51.100.7"));
    // Not mapped: the IPv4-compatible and NAT64 forms are IPv6 prefixes like any other.
    expect(ipBucket("64:ff9b::198.51.100.7")).toBe("64:ff9b:0:0::/64");
  });

  test("what is not an address is counted as it is", () => {
    expect(ipBucket("Unknown-Host")).toBe("unknown-host");
    expect(ipBucket("1.2.3.4.5")).toBe("1.2.3.4.5");
  });
});

describe("the client address of a request", () => {
  const peer = async (sent: Record<string, string>): Promise<Headers> => {
    // The header as Node's HTTP server hands it over, recorded by the real subscription.
    recordPeerAddresses();
    const server: Server = createServer((request, response) => {
      response.end(JSON.stringify(request.headers));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const seen = (await (await fetch(`http://127.0.0.1:${port}/`, { headers: sent })).json()) as Record<
        string,
        string
      >;
      return new Headers(seen);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  };

  test("with no trusted proxy it is the socket's address, whatever X-Forwarded-For and X-Real-IP say", async () => {
    const seen = await peer({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10" });
    expect(peerAddress(seen)).toBe("127.0.0.1");
    expect(clientIp(seen, 0)).toBe("127.0.0.1");
  });

  test("a client cannot send the peer-address header itself: without the socket's record there is no address", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10" }), 0)).toBeNull();
  });

  test("behind proxies, X-Forwarded-For is counted TRUSTED_PROXY_HOPS entries from the right; X-Real-IP is never read", () => {
    const list = headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.1, 192.0.2.5", "x-real-ip": "203.0.113.10" });
    expect(clientIp(list, 1)).toBe("192.0.2.5");
    expect(clientIp(list, 2)).toBe("198.51.100.1");
    expect(clientIp(headers({ "x-real-ip": "203.0.113.10" }), 1)).toBeNull();
  });
});
