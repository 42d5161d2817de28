# seekd's top-10 latency and throughput against the number of connections.
# gnuplot -e "datafile='connections.dat'; outfile='latency.png'" latency.gp
# datafile columns: connections, throughput (req/s), mean, p50, p99 (µs).
set terminal pngcairo size 900,540 font ",11"
set output outfile
set title "seekd: top-10 phrase queries against connections"
set logscale x 2
set xlabel "connections"
set ylabel "latency (ms)"
set y2label "throughput (requests/s)"
set ytics nomirror
set y2tics
set yrange [0:*]
set y2range [0:*]
set key top left
set grid
plot datafile using 1:($4/1000) with linespoints lw 2 title "p50 latency", \
     datafile using 1:($5/1000) with linespoints lw 2 title "p99 latency", \
     datafile using 1:($3/1000) with linespoints lw 2 dt 2 title "mean latency", \
     datafile using 1:2 axes x1y2 with linespoints lw 2 lc rgb "black" title "throughput"
