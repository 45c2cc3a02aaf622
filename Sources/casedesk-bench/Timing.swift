import Foundation

/// Wall-clock samples of one operation, summarised as the median and the 99th percentile.
struct Samples {
    var nanoseconds: [UInt64] = []

    /// Runs `body` `runs` times after `warmup` unmeasured runs.
    static func measure(runs: Int, warmup: Int = 5, _ body: () throws -> Void) rethrows -> Samples {
        for _ in 0..<warmup { try body() }
        var samples = Samples()
        samples.nanoseconds.reserveCapacity(runs)
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.nanoseconds.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        return samples
    }

    func percentile(_ p: Double) -> Double {
        guard !nanoseconds.isEmpty else { return 0 }
        let sorted = nanoseconds.sorted()
        let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))
        return Double(sorted[index]) / 1_000_000
    }

    /// Milliseconds.
    var median: Double { percentile(0.5) }
    /// Milliseconds.
    var p99: Double { percentile(0.99) }
}

/// The peak resident set of this process, in megabytes.
func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
}

func ms(_ value: Double) -> String { String(format: "%.3f", value) }
