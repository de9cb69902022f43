// libFuzzer owns the loop; see FuzzSupport/Driver.swift.
import FuzzSupport

runLibFuzzer { data, count in fuzz(data, count) }
