package jp.lg.immunization.workflow;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail server of the test's own on a free local port: it answers an SMTP client as a server would and keeps each
 * message as it came over the wire, so that a test reads what a city's mail server would receive.
 */
final class SmtpReceiver implements AutoCloseable {

  private final ServerSocket server;
  private final List<String> received = new CopyOnWriteArrayList<>();

  SmtpReceiver() throws IOException {
    server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(this::serve, "test-smtp-receiver");
    thread.setDaemon(true);
    thread.start();
  }

  /** A sender to this server, as Spring Boot builds one from {@code spring.mail.*}. */
  JavaMailSenderImpl sender() {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost(server.getInetAddress().getHostAddress());
    sender.setPort(server.getLocalPort());
    sender.setDefaultEncoding("UTF-8");
    return sender;
  }

  /** Each message as sent (headers and encoded body). */
  List<String> raw() {
    return List.copyOf(received);
  }

  /** Each message as a mail program reads it. */
  List<MimeMessage> messages() throws MessagingException {
    List<MimeMessage> messages = new java.util.ArrayList<>();
    for (String raw : received) {
      messages.add(new MimeMessage(Session.getInstance(new Properties()),
          new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1))));
    }
    return messages;
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept();
           BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
               StandardCharsets.ISO_8859_1));
           Writer out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.ISO_8859_1)) {
        reply(out, "220 test SMTP receiver");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String command = line.toUpperCase(Locale.ROOT);
          if (command.startsWith("DATA")) {
            reply(out, "354 end with a dot");
            StringBuilder message = new StringBuilder();
            for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
              message.append(data.startsWith(".") ? data.substring(1) : data).append("\r\n");
            }
            received.add(message.toString());
            reply(out, "250 kept");
          } else if (command.startsWith("QUIT")) {
            reply(out, "221 bye");
            break;
          } else {
            reply(out, "250 ok");
          }
        }
      } catch (IOException e) {
        // The server was closed at the end of the test.
      }
    }
  }

  private static void reply(Writer out, String line) throws IOException {
    out.write(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
