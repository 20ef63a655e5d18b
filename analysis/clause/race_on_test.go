//go:build race

package clause

// raceDetector tells the exhaustive tests that the race detector is on: it
// makes a regexp run 20 to 30 times slower and finds nothing in a test that
// runs on one goroutine.
const raceDetector = true
