package io.github.jwtauth.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.MultiValueMap;

/**
 * Reads named string fields from a login or refresh body, sent as a JSON object or as
 * {@code application/x-www-form-urlencoded}.
 * <p>
 * The body is read up to a fixed bound before parsing, so a huge body costs nothing but a
 * 413; the query string is never read, so credentials in a URL (and in access logs) fail.
 */
final class TokenRequestReader {

	/** Largest body read; a login is a few hundred bytes. */
	static final int MAX_BODY_BYTES = 16 * 1024;

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final FormHttpMessageConverter formConverter = new FormHttpMessageConverter();

	/**
	 * Read the named fields.
	 * @param request the request
	 * @param names the required field names
	 * @return the values, by name, in the order asked
	 * @throws InvalidTokenRequestException if the body is unreadable, of another content
	 * type, too large, or lacks a field
	 */
	Map<String, String> read(HttpServletRequest request, List<String> names) {
		MediaType contentType = contentType(request);
		byte[] body = body(request);
		Map<String, String> values = new LinkedHashMap<>();
		if (contentType.isCompatibleWith(MediaType.APPLICATION_JSON)) {
			JsonNode json = parseJson(body);
			for (String name : names) {
				JsonNode value = json.get(name);
				if (value == null || value.isNull()) {
					throw missing(name);
				}
				if (!value.isString()) {
					throw invalid("Field '" + name + "' must be a string");
				}
				values.put(name, value.stringValue());
			}
		}
		else {
			MultiValueMap<String, String> form = parseForm(body, contentType);
			for (String name : names) {
				List<String> value = form.get(name);
				if (value == null || value.isEmpty()) {
					throw missing(name);
				}
				if (value.size() > 1) {
					throw invalid("Field '" + name + "' must appear once");
				}
				values.put(name, value.get(0));
			}
		}
		return values;
	}

	private static MediaType contentType(HttpServletRequest request) {
		String header = request.getContentType();
		if (header == null) {
			throw unsupported();
		}
		try {
			MediaType type = MediaType.parseMediaType(header);
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
					|| type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)) {
				if (type.isWildcardType() || type.isWildcardSubtype()) {
					throw unsupported();
				}
				return type;
			}
		}
		catch (InvalidMediaTypeException ex) {
			// answered below
		}
		throw unsupported();
	}

	private static byte[] body(HttpServletRequest request) {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			throw tooLarge();
		}
		try (InputStream input = request.getInputStream()) {
			byte[] body = input.readNBytes(MAX_BODY_BYTES + 1);
			if (body.length > MAX_BODY_BYTES) {
				throw tooLarge();
			}
			return body;
		}
		catch (IOException ex) {
			throw invalid("The request body could not be read");
		}
	}

	private JsonNode parseJson(byte[] body) {
		JsonNode json;
		try {
			json = this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw invalid("The request body is not valid JSON");
		}
		if (json == null || !json.isObject()) {
			throw invalid("The request body must be a JSON object");
		}
		return json;
	}

	private MultiValueMap<String, String> parseForm(byte[] body, MediaType contentType) {
		HttpInputMessage message = new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				HttpHeaders headers = new HttpHeaders();
				headers.setContentType(contentType);
				return headers;
			}

		};
		try {
			return this.formConverter.read(null, message);
		}
		catch (IOException | HttpMessageNotReadableException | IllegalArgumentException ex) {
			throw invalid("The form body could not be decoded");
		}
	}

	private static InvalidTokenRequestException missing(String name) {
		return invalid("Field '" + name + "' is required");
	}

	private static InvalidTokenRequestException invalid(String detail) {
		return new InvalidTokenRequestException(HttpStatus.BAD_REQUEST, detail);
	}

	private static InvalidTokenRequestException unsupported() {
		return invalid("Send the body as application/json or application/x-www-form-urlencoded");
	}

	private static InvalidTokenRequestException tooLarge() {
		return new InvalidTokenRequestException(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than " + MAX_BODY_BYTES + " bytes");
	}

}
