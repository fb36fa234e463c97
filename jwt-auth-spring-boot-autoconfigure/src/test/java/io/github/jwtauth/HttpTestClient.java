package io.github.jwtauth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real-HTTP client for end-to-end tests against a server on a random port.
 */
public final class HttpTestClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	public HttpTestClient(int port) {
		this.port = port;
	}

	public HttpResponse<String> get(String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	public HttpResponse<String> post(String path, String contentType, String body) {
		return post(path, contentType, body, null);
	}

	public HttpResponse<String> post(String path, String contentType, String body, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	public String login(String path, String body) {
		HttpResponse<String> response = post(path, "application/json", body);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("login failed: " + response.statusCode() + " " + response.body());
		}
		return json(response).get("token").stringValue();
	}

	public static JsonNode json(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
