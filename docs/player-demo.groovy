// The run behind docs/player.png: a leader is cut off while clients keep writing, the others elect a new leader,
// and when the old one comes back its uncommitted entries are replaced. Makes the HTML player of the run:
//
//   ./lab run docs/player-demo.groovy /tmp/player.html     then open /tmp/player.html in a browser
//
// The screenshot was taken with headless Chromium at 1400x1000, with the slider at 993 ms:
//   chromium --headless --hide-scrollbars --window-size=1400,1000 --screenshot=docs/player.png 'file:///tmp/player.html#t=993'

def file = args ? args[0] : 'player.html'
quietly {
    cluster 5, seed: 2, reads: 'log'   // gets through the log, as when the screenshot was taken
    run 'until', 'leader'
    clients 2, keys: 2, rate: 15
    tick 300
}
def old = leader()
println "n$old leads; cut it off from the others while the clients keep writing"
quietly {
    isolate old
    tick 500
    heal
    tick 600
    clients 0
    tick 100
}
export 'html', file
