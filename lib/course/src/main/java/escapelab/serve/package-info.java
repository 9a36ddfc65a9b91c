/**
 * A small JSON service on the JDK's {@code HttpServer}, its load and what it allocates, for the
 * pooling lesson: {@link escapelab.serve.JsonServer} answers {@code {"values": [...]}} with their
 * count, sum, minimum and maximum, reading each body into a scratch buffer from a
 * {@link escapelab.serve.ScratchPool}; {@link escapelab.serve.Load} sends it a fixed number of
 * requests from a few clients; {@link escapelab.serve.PoolStep} measures the bytes one request
 * allocates on the server's threads and where they come from (JFR), and
 * {@link escapelab.serve.PoolRetention} what a pool keeps while a few large requests arrive.
 * Everything started here stops when its call ends, fails or is interrupted.
 */
package escapelab.serve;
