// Leadership transfer (the dissertation's section 3.10): handing leadership to a chosen node on purpose, say
// before taking the leader's machine down for maintenance, instead of crashing it and waiting for an election.
//
// `transfer N` asks the leader to (1) stop accepting new requests, so its log stops growing, (2) bring N's log up
// to date with its own, and (3) send N a TimeoutNow message. N then starts an election at once, without waiting for
// its timer (and without pre-votes or CheckQuorum's lease getting in the way: its RequestVote says transfer=true).
// Because N's log is as up to date as anyone's, the others grant their votes, and N wins, usually within a few
// milliseconds. If no new leader comes within an election timeout, the old leader gives up and takes requests again.
//
// Run it: ./lab run scripts/transfer.groovy

cluster 5, seed: 1
tick 400
def boss = leader()
def heir = (1..5).find { it != boss }
println "n$boss leads term ${node(boss).term}; leadership will go to n$heir"

// Make the heir lag: cut it off while the leader commits two writes without it.
isolate heir
put 'x', '1'
put 'y', '2'
tick 50
heal
assert node(heir).log.size() < node(boss).log.size()
println "n$heir holds ${node(heir).log.size()} of the leader's ${node(boss).log.size()} entries"

// Ask for the transfer. The leader first sends the heir what it lacks; only when the heir's reply shows its log
// matches to the last index does the TimeoutNow go out. Meanwhile a new request is refused and pointed at the heir.
transfer heir
put 'z', '3', to: boss
tick 100
status
assert leader() == heir
assert node(heir).term == node(boss).term && node(boss).role == 'follower'
println "n$heir leads term ${node(heir).term}, elected at once, with every entry the old leader had"

// The new leader takes requests; the old one is an ordinary follower now.
put 'z', '3'
tick 50
assert kv(heir).z == '3'

// A transfer that cannot happen is abandoned: crash the heir just after asking, and after an election timeout
// (300 ms) the leader gives up and accepts requests again.
boss = heir
heir = (1..5).find { it != boss }
transfer heir
crash heir
tick 400
assert leader() == boss
put 'w', '4'
tick 50
assert kv(boss).w == '4'
